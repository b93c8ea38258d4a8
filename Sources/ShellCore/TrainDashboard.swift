import Foundation
import Rendering
import TermUI

/// The live `:train` dashboard: trains in chunks between redraws, showing the loss and
/// validation accuracy curves, the ten weight heatmaps, the step count and the speed.
///
/// Drawing runs on a time budget: everything between two chunks of steps (building the frame,
/// putting it on the terminal, sampling the accuracy, looking for keys) is measured, and the
/// next chunk is made long enough that this stays under ``overheadBudget`` of the time, with
/// at most ``maxFramesPerSecond`` frames a second. The heatmap grid, the costliest part of a
/// frame, is rebuilt only when the weights changed and at most ``heatmapsPerSecond`` times a
/// second; the validation accuracy is sampled at most once a second, less often when it is slow.
package final class TrainDashboard: ScreenView {
  unowned let session: LearnerSession
  let trainer: Trainer
  let target: Int
  package private(set) var done = 0
  package private(set) var paused = false
  package private(set) var failure: String?
  /// Seconds spent in training steps, and in everything else (drawing, accuracy samples).
  package private(set) var trainingSeconds = 0.0
  package private(set) var overheadSeconds = 0.0
  /// Frames built so far.
  package private(set) var framesDrawn = 0
  /// The share of the time drawing may take, and the frame rate it never exceeds.
  static let overheadBudget = 0.03
  static let maxFramesPerSecond = 12.0
  static let heatmapsPerSecond = 4.0
  private var chunkSeconds = 1 / TrainDashboard.maxFramesPerSecond
  private var lastSample: UInt64 = 0
  /// How long the last accuracy sample took (it sets the interval between samples).
  private var sampleSeconds = 0.0
  /// The heatmap grid last built, for which step and size, and when.
  private var cachedGrid: (frame: Frame?, step: Int, size: Size, at: UInt64)?
  /// When the last training chunk ended (nil while paused): the time until the next chunk is overhead.
  private var lastChunkEnd: UInt64?
  let firstLoss: Float?
  /// Close by itself when the steps are done (for scripts and tests) instead of waiting for a key.
  package var closeWhenDone = false

  package init(session: LearnerSession, trainer: Trainer, steps: Int) {
    self.session = session
    self.trainer = trainer
    self.target = steps
    firstLoss = session.tf.trainingLog.last?.losses.last
  }

  package var finished: Bool { done >= target || failure != nil }
  /// Steps per second while training ran (pauses and drawing excluded).
  package var rate: Double { trainingSeconds > 0 ? Double(done) / trainingSeconds : 0 }
  /// The share of the time the dashboard took from training.
  package var overheadShare: Double { trainingSeconds + overheadSeconds > 0 ? overheadSeconds / (trainingSeconds + overheadSeconds) : 0 }

  /// Runs up to `count` steps or until `seconds` pass.
  func train(count: Int, seconds: Double) {
    guard count > 0, failure == nil else { return }
    let t0 = DispatchTime.now().uptimeNanoseconds
    do {
      done += try trainer.run(steps: count, until: t0 + UInt64(seconds * 1e9))
    } catch {
      failure = "\(error)"
    }
    trainingSeconds += Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
  }

  /// Samples the validation accuracy at most once a second, and at most about 1% of the time
  /// when a sample is slow (and at the end).
  func sampleAccuracy(force: Bool = false) {
    let now = DispatchTime.now().uptimeNanoseconds
    guard force || Double(now - lastSample) / 1e9 >= max(1.0, sampleSeconds * 100) else { return }
    session.sampleValidationAccuracy(force: true)
    lastSample = DispatchTime.now().uptimeNanoseconds
    sampleSeconds = Double(lastSample - now) / 1e9
  }

  package func handle(_ event: Event, size: Size) -> ViewStep {
    switch event {
    case .tick:
      if finished && closeWhenDone { return .closeAll }
      guard !paused, !finished else {
        lastChunkEnd = nil
        return .keep
      }
      // Everything since the last chunk (building and drawing the frame, waiting for keys,
      // sampling the accuracy) is time the dashboard took from training. The next chunk is
      // long enough to bring the share of that time, over the whole run, within the budget.
      if let end = lastChunkEnd {
        overheadSeconds += Double(DispatchTime.now().uptimeNanoseconds - end) / 1e9
        let needed = overheadSeconds * (1 - Self.overheadBudget) / Self.overheadBudget - trainingSeconds
        chunkSeconds = max(1 / Self.maxFramesPerSecond, min(1.0, needed))
      }
      train(count: target - done, seconds: chunkSeconds)
      if finished {
        // The final sample is taken with or without the dashboard (for the summary line).
        lastChunkEnd = nil
        sampleAccuracy(force: true)
      } else {
        // Samples along the way are the dashboard's: counted from here.
        lastChunkEnd = DispatchTime.now().uptimeNanoseconds
        sampleAccuracy()
      }
      return .redraw
    case .key(.character(" ")):
      if finished { return .closeAll }
      paused.toggle()
      lastChunkEnd = nil
    case .key(.character("s")):
      if paused && !finished {
        train(count: 1, seconds: 0)
        sampleAccuracy(force: true)
      }
    case .key(.character("q")), .key(.escape), .key(.enter):
      return .closeAll
    default:
      return finished ? .closeAll : .keep
    }
    return .redraw
  }

  package func frame(size: Size) -> Frame {
    framesDrawn += 1
    return build(size: size)
  }

  /// The ten weight heatmaps at `size`: rebuilt when the weights changed, but while training
  /// runs at most `heatmapsPerSecond` times a second (paused or finished: always current).
  func weightGrid(size: Size) -> Frame? {
    let step = trainer.session.trainingStep
    let now = DispatchTime.now().uptimeNanoseconds
    if let c = cachedGrid, c.size == size,
      c.step == step || (!paused && !finished && Double(now - c.at) / 1e9 < 1 / Self.heatmapsPerSecond)
    {
      return c.frame
    }
    var grid: Frame?
    if let (images, _) = try? session.probe.weightImages() {
      let g = HeatmapView.grid(images: images, titles: (0..<10).map { "weights \($0)" }, scale: HeatmapView.symmetricScale(images),
                               maxSize: size)
      grid = g.isTooSmallMessage ? nil : g
    }
    cachedGrid = (grid, step, size, now)
    return grid
  }

  func build(size: Size) -> Frame {
    let need = Size(width: 60, height: 14)
    guard size.contains(need) else { return .tooSmall("The training dashboard", needs: need, available: size) }
    let tf = session.tf
    let sid = tf.sessionID(of: trainer.session)
    let run = tf.trainingLog.last { $0.sessionID == sid }
    let step = trainer.session.trainingStep
    let loss = run?.losses.last
    let accuracy = session.accuracySamples.last { $0.sessionID == sid }
    var header = "step \(step)  (\(done) of \(target) this run)  \(Format.fixed(rate, decimals: 0)) steps/s"
    if let loss { header += "  loss \(Format.number(Double(loss)))" }
    if let accuracy { header += "  validation accuracy \(Format.percent(accuracy.accuracy))" }
    var body = Frame(width: size.width, height: size.height - 1)
    body.put(TextLayout.truncate(header, width: size.width), x: 0, y: 0, style: .bold)
    let room = size.height - 2
    let gridRows = room >= 8 + 18 ? min(room - 8, max(18, room / 2 + 4)) : 0
    let chartHeight = room - gridRows
    var series: [ChartSeries] = []
    if let run {
      series.append(ChartSeries(name: "loss", points: Self.downsample(run.steps, run.losses, buckets: max(20, size.width * 2)),
                                color: .basic(.cyan)))
    }
    let samples = session.accuracySamples.filter { $0.sessionID == sid }
    if !samples.isEmpty {
      series.append(ChartSeries(name: "validation accuracy", points: samples.map { ChartPoint(x: Double($0.step), y: $0.accuracy) },
                                color: .basic(.green), axis: .right))
    }
    body.draw(LineChartView.frame(series: series, xLabel: "step", rightRange: samples.isEmpty ? nil : 0...1,
                                  maxSize: Size(width: size.width, height: chartHeight)), x: 0, y: 1)
    if gridRows > 0, let grid = weightGrid(size: Size(width: size.width, height: gridRows)) {
      body.draw(grid, x: 0, y: 1 + chartHeight)
    }
    let keys: String
    if let failure {
      keys = "stopped: \(failure)  (any key)"
    } else if finished {
      keys = "done: \(done) steps. Any key returns to the prompt"
    } else {
      keys = paused ? "PAUSED  space resume  s one step  q stop" : "space pause  q or Ctrl-C stop (keeps what was learned)"
    }
    return ScreenParts.screen(body, status: ScreenParts.statusBar(keys, "batch \(trainer.batchSize)", width: size.width), size: size)
  }

  /// At most `buckets` points: the mean loss of each run of consecutive steps.
  static func downsample(_ steps: [Int], _ losses: [Float], buckets: Int) -> [ChartPoint] {
    let n = min(steps.count, losses.count)
    guard n > buckets else { return (0..<n).map { ChartPoint(x: Double(steps[$0]), y: Double(losses[$0])) } }
    return (0..<buckets).map { b in
      let lo = b * n / buckets, hi = max(lo + 1, (b + 1) * n / buckets)
      var s = 0.0
      for i in lo..<hi { s += Double(losses[i]) }
      return ChartPoint(x: Double(steps[hi - 1]), y: s / Double(hi - lo))
    }
  }
}
