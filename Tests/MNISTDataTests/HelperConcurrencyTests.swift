import CKernels
import Foundation
import Testing

/// The kernels' one helper thread under contention: several threads split products and the fused
/// loss with it and post background gathers at once. Every product and every gather must come out as it does
/// alone, and nothing may hang. (A product's shared record used to be handed to a new owner
/// while its previous caller was still in its last chunk; that caller's next claim then computed
/// rows of the new product with its own packed matrix, about one product in 7,000 here.)
@Suite struct HelperConcurrencyTests {
  static let rowSize = 784, rowCount = 3000
  static let pixels: [UInt8] = (0..<(rowCount * rowSize)).map { UInt8(truncatingIfNeeded: $0 &* 2654435761 >> 7) }
  static let x: [Float] = (0..<(100 * 784)).map { Float(($0 * 37) % 101) / 50 - 1 }
  static let w: [Float] = (0..<(784 * 10)).map { Float(($0 * 53) % 97) / 48 - 1 }
  static let g: [Float] = (0..<(100 * 10)).map { Float(($0 * 13) % 29) / 14 - 1 }

  static func forward() -> [Float] {
    var c = [Float](repeating: .nan, count: 1000)
    ck_sgemm(0, 0, 100, 10, 784, 1, x, 784, w, 10, 0, &c, 10)
    return c
  }

  /// The fused loss over [100,10] (its rows shared with the helper too): softmax, gradient and total.
  static func loss() -> [UInt32] {
    let logits = (0..<1000).map { Float(($0 * 31) % 47) / 9 - 2 }, labels = (0..<1000).map { Float($0 % 10 == ($0 / 10) % 10 ? 1 : 0) }
    var sm = [Float](repeating: .nan, count: 1000), logs = sm, grad = sm, scratch = [Float](repeating: .nan, count: 300)
    var total: Float = .nan
    ck_fused_xent(logits, labels, 100, 10, -0.01, 1, &sm, &logs, &grad, &scratch, &total)
    return (sm + grad + [total]).map(\.bitPattern)
  }

  static func weightGradient() -> [Float] {
    var d = [Float](repeating: .nan, count: 7840)
    ck_sgemm(1, 0, 784, 10, 100, 1, x, 784, g, 10, 0, &d, 10)
    return d
  }

  @Test func productsAndGathersFromManyThreadsComeOutAsAlone() {
    let forward = Self.forward().map(\.bitPattern), gradient = Self.weightGradient().map(\.bitPattern)
    let loss = Self.loss()
    let deadline = Date().addingTimeInterval(2)
    let failures = Counter(), products = Counter(), gathers = Counter()
    // Five threads of their own (concurrentPerform would run only as many at once as there are
    // cores).
    let finished = DispatchSemaphore(value: 0)
    @Sendable func work(_ worker: Int) {
      if worker < 3 {
        while Date() < deadline {
          if Self.forward().map(\.bitPattern) != forward { failures.add() }
          if Self.weightGradient().map(\.bitPattern) != gradient { failures.add() }
          if Self.loss() != loss { failures.add() }
          products.add()
        }
        return
      }
      var seed = UInt32(worker * 7919)
      func next() -> Int {
        seed = seed &* 1_103_515_245 &+ 12345
        return Int(seed >> 8)
      }
      let dst = UnsafeMutablePointer<Float>.allocate(capacity: 200 * Self.rowSize)
      defer { dst.deallocate() }
      while Date() < deadline {
        let n = 50 + next() % 150
        let rows = (0..<n).map { _ in next() % Self.rowCount }, ahead = (0..<n).map { _ in next() % Self.rowCount }
        var expected = [Float](repeating: 0, count: n * Self.rowSize)
        Self.pixels.withUnsafeBufferPointer { p in
          expected.withUnsafeMutableBufferPointer { e in
            ck_gather_bytes_to_floats(p.baseAddress, Self.rowSize, rows, n, 1 / 255, e.baseAddress)
          }
        }
        dst.initialize(repeating: .nan, count: n * Self.rowSize)
        let ticket = Self.pixels.withUnsafeBufferPointer { p in
          ck_async_gather(p.baseAddress, Self.rowSize, rows, n, ahead, n, 1 / 255, dst)
        }
        guard ticket > 0 else { continue }  // the other gathering thread's job is pending
        if next() % 2 == 0 { _ = Self.forward() }  // a product while the gather runs
        ck_async_wait(ticket)
        if Array(UnsafeBufferPointer(start: dst, count: n * Self.rowSize)).map(\.bitPattern) != expected.map(\.bitPattern) {
          failures.add()
        }
        gathers.add()
      }
    }
    for worker in 0..<5 {
      Thread {
        work(worker)
        finished.signal()
      }.start()
    }
    for _ in 0..<5 { finished.wait() }
    #expect(failures.value == 0, "\(failures.value) wrong results in \(products.value) product pairs and \(gathers.value) gathers")
    #expect(products.value > 0 && gathers.value > 0)
  }
}
