import CKernels
import Foundation
import Testing

/// `ck_async_gather` on the kernels' helper thread writes what `ck_gather_bytes_to_floats` writes.
@Suite struct AsyncGatherTests {
  static let rowSize = 784
  static let rowCount = 3000
  static let pixels: [UInt8] = (0..<(rowCount * rowSize)).map { UInt8(truncatingIfNeeded: $0 &* 2654435761 >> 7) }
  static let scale = Float(1.0 / 255.0)

  /// Rows scattered over the array, some repeated.
  static func rows(_ count: Int, seed: Int) -> [Int] {
    (0..<count).map { ($0 * 7919 + seed * 104_729) % rowCount }
  }

  static func syncGather(_ rows: [Int]) -> [Float] {
    var out = [Float](repeating: -1, count: rows.count * rowSize)
    pixels.withUnsafeBufferPointer { p in
      out.withUnsafeMutableBufferPointer { o in ck_gather_bytes_to_floats(p.baseAddress, rowSize, rows, rows.count, scale, o.baseAddress) }
    }
    return out
  }

  /// Posts an async gather, retrying while the helper is busy with other tests' products.
  static func post(_ rows: [Int], base: UnsafePointer<UInt8>, dst: UnsafeMutablePointer<Float>, ahead: [Int] = []) -> Int {
    for _ in 0..<20_000 {
      let ticket = ck_async_gather(base, rowSize, rows, rows.count, ahead, ahead.count, scale, dst)
      if ticket > 0 { return ticket }
      usleep(100)
    }
    return 0
  }

  @Test func asyncGatherWritesWhatTheSyncGatherWrites() throws {
    // Waited for at once (often done by the waiter itself) or after a while (by the helper).
    for (count, seed, pause) in [(100, 1, 0), (1, 2, 0), (2500, 3, 0), (100, 4, 0), (100, 5, 2000), (2500, 6, 20000), (7, 7, 500)] {
      var rows = Self.rows(count, seed: seed)
      let expected = Self.syncGather(rows)
      let dst = UnsafeMutablePointer<Float>.allocate(capacity: expected.count)
      defer { dst.deallocate() }
      dst.initialize(repeating: -1, count: expected.count)
      // Some jobs also prefetch the rows of a next one (more, fewer or as many rows), which
      // changes nothing they write.
      let ahead = Self.rows(seed % 3 == 0 ? count : count / 2 + seed, seed: seed + 100)
      let ticket = Self.pixels.withUnsafeBufferPointer { p in Self.post(rows, base: p.baseAddress!, dst: dst, ahead: seed % 2 == 0 ? [] : ahead) }
      try #require(ticket > 0)
      for i in rows.indices { rows[i] = 0 }  // the job has its own copy of the rows
      if pause > 0 { usleep(UInt32(pause)) }
      ck_async_wait(ticket)
      ck_async_wait(ticket)  // a finished ticket returns at once
      let got = Array(UnsafeBufferPointer(start: dst, count: expected.count))
      #expect(got.map(\.bitPattern) == expected.map(\.bitPattern))
    }
  }

  @Test func manyJobsInARowAreEachComplete() throws {
    let rows = Self.rows(100, seed: 11)
    let expected = Self.syncGather(rows).map(\.bitPattern)
    let dst = UnsafeMutablePointer<Float>.allocate(capacity: expected.count)
    defer { dst.deallocate() }
    var posted = 0
    for round in 0..<300 {
      dst.initialize(repeating: .nan, count: expected.count)
      let ticket = Self.pixels.withUnsafeBufferPointer { p in
        ck_async_gather(p.baseAddress!, Self.rowSize, rows, rows.count, nil, 0, Self.scale, dst)
      }
      if ticket == 0 { continue }  // the helper is busy (another test, or our last job not yet left)
      posted += 1
      if round % 3 == 1 { usleep(100) }
      ck_async_wait(ticket)
      #expect(Array(UnsafeBufferPointer(start: dst, count: expected.count)).map(\.bitPattern) == expected)
    }
    #expect(posted > 0)
  }

  @Test func nothingToDoOrNoTicketStartsNothing() {
    var out: [Float] = [7]
    let t = Self.pixels.withUnsafeBufferPointer { p in
      out.withUnsafeMutableBufferPointer { o in ck_async_gather(p.baseAddress, Self.rowSize, [0], 0, nil, 0, Self.scale, o.baseAddress) }
    }
    #expect(t == 0)
    ck_async_wait(0)
    #expect(out == [7])
  }

  @Test func bigProductsDuringAnAsyncJobStayCorrect() throws {
    // A product big enough to be split over the two threads: the helper shares it between pieces
    // of the gather, and both come out as they do alone.
    let m = 512, n = 96, k = 256
    let a = (0..<(m * k)).map { Float(($0 * 37) % 101) / 50 - 1 }
    let b = (0..<(k * n)).map { Float(($0 * 53) % 97) / 48 - 1 }
    func product() -> [Float] {
      var c = [Float](repeating: 0, count: m * n)
      ck_sgemm(0, 0, m, n, k, 1, a, k, b, n, 0, &c, n)
      return c
    }
    let alone = product()
    let rows = Self.rows(Self.rowCount, seed: 9)
    let expected = Self.syncGather(rows)
    let dst = UnsafeMutablePointer<Float>.allocate(capacity: expected.count)
    defer { dst.deallocate() }
    let ticket = Self.pixels.withUnsafeBufferPointer { p in Self.post(rows, base: p.baseAddress!, dst: dst) }
    try #require(ticket > 0)
    let during = product()
    ck_async_wait(ticket)
    #expect(during.map(\.bitPattern) == alone.map(\.bitPattern))
    #expect(Array(UnsafeBufferPointer(start: dst, count: expected.count)).map(\.bitPattern) == expected.map(\.bitPattern))
    #expect(product().map(\.bitPattern) == alone.map(\.bitPattern))
  }

  @Test func aJobTheHelperFinishedFreesTheRecordBeforeItsWait() throws {
    // The helper does the whole job in the background; a second job may then start although the
    // first ticket has not been waited for, and that wait returns at once with the first floats.
    let first = Self.rows(300, seed: 21), second = Self.rows(200, seed: 22)
    let expectedFirst = Self.syncGather(first).map(\.bitPattern)
    let expectedSecond = Self.syncGather(second).map(\.bitPattern)
    let a = UnsafeMutablePointer<Float>.allocate(capacity: expectedFirst.count)
    let b = UnsafeMutablePointer<Float>.allocate(capacity: expectedSecond.count)
    defer {
      a.deallocate()
      b.deallocate()
    }
    var overlapped = 0
    for _ in 0..<20 {
      a.initialize(repeating: .nan, count: expectedFirst.count)
      b.initialize(repeating: .nan, count: expectedSecond.count)
      let t1 = Self.pixels.withUnsafeBufferPointer { p in Self.post(first, base: p.baseAddress!, dst: a) }
      try #require(t1 > 0)
      // Refused while the first job has pieces left; accepted once the helper has done them all.
      var t2 = 0
      for _ in 0..<2000 where t2 == 0 {
        t2 = Self.pixels.withUnsafeBufferPointer { p in ck_async_gather(p.baseAddress!, Self.rowSize, second, second.count, first, first.count, Self.scale, b) }
        if t2 == 0 { usleep(50) }
      }
      ck_async_wait(t1)
      #expect(Array(UnsafeBufferPointer(start: a, count: expectedFirst.count)).map(\.bitPattern) == expectedFirst)
      if t2 > 0 {
        overlapped += 1
        #expect(t2 != t1)
        ck_async_wait(t2)
        #expect(Array(UnsafeBufferPointer(start: b, count: expectedSecond.count)).map(\.bitPattern) == expectedSecond)
      }
    }
    #expect(overlapped > 0)
  }

  /// The pause rule: a wait over 0.2 ms for the helper is a stall; it pauses the helper when it
  /// cost more than a twentieth of the helper's time in use since the stall before: 5 ms, then
  /// twice the last pause while stalls stay that costly, up to 0.2 s.
  @Test func thePauseRule() {
    let ms = 1_000_000
    #expect(ck_pool_pause_after(150_000, 0, 0) == 0)  // a wait of 0.15 ms is no stall
    #expect(ck_pool_pause_after(1 * ms, 100 * ms, 0) == 0)  // 1 ms in 100: the odd stall of a quiet machine
    #expect(ck_pool_pause_after(4 * ms, 10 * ms, 0) == 5 * ms)  // 4 ms in 10: a busy core
    #expect(ck_pool_pause_after(4 * ms, 10 * ms, 5 * ms) == 10 * ms)
    #expect(ck_pool_pause_after(4 * ms, 10 * ms, 80 * ms) == 160 * ms)
    #expect(ck_pool_pause_after(4 * ms, 10 * ms, 160 * ms) == 200 * ms)
    #expect(ck_pool_pause_after(4 * ms, 10 * ms, 200 * ms) == 200 * ms)
    #expect(ck_pool_pause_after(1 * ms, 19 * ms, 40 * ms) == 80 * ms)  // just over a twentieth
    #expect(ck_pool_pause_after(1 * ms, 20 * ms, 40 * ms) == 0)  // a twentieth: the pauses end
  }

  /// Stalls that cost much of the helper's time (here two in a row, reported by hand) pause it:
  /// gathers are refused, so `next_batch` gathers on its own thread; then it is used again.
  @Test func stallsPauseTheHelperForAWhile() throws {
    let rows = Self.rows(100, seed: 21)
    let expected = Self.syncGather(rows).map(\.bitPattern)
    let dst = UnsafeMutablePointer<Float>.allocate(capacity: expected.count)
    defer { dst.deallocate() }
    dst.initialize(repeating: .nan, count: expected.count)
    ck_pool_waited(300_000)
    ck_pool_waited(300_000)
    #expect(ck_pool_paused() != 0)
    let refused = Self.pixels.withUnsafeBufferPointer { p in
      ck_async_gather(p.baseAddress!, Self.rowSize, rows, rows.count, nil, 0, Self.scale, dst)
    }
    #expect(refused == 0)
    // Over in at most 0.2 s (other tests' real stalls may pause it again meanwhile).
    let start = ck_now_ns()
    while ck_pool_paused() != 0, ck_now_ns() - start < 3_000_000_000 { usleep(500) }
    #expect(ck_pool_paused() == 0)
    let ticket = Self.pixels.withUnsafeBufferPointer { p in Self.post(rows, base: p.baseAddress!, dst: dst) }
    try #require(ticket > 0)
    ck_async_wait(ticket)
    #expect(Array(UnsafeBufferPointer(start: dst, count: expected.count)).map(\.bitPattern) == expected)
  }
}
