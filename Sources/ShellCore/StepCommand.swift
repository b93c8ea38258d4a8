import Foundation
import LineEdit
import Rendering

extension LearnerSession {
  func installTrainCommands() {
    commands.add(ShellCommand(
      name: "train", usage: ":train [STEPS] [--no-dashboard]",
      summary: "train the model for STEPS steps (1000) with a live dashboard",
      details: """
        Runs your training op on batches from mnist.train.next_batch (the batch size you last used,
        or 100). In a terminal a dashboard shows the loss and accuracy curves and the weights as they
        change: space pauses and resumes, s takes one step while paused, q or Ctrl-C stops and keeps
        what was learned. Steps are recorded like your own loop's, so :plot shows them.
        --no-dashboard trains without drawing (Ctrl-C stops), as in a script.
        """,
      argumentWords: ["--no-dashboard"],
      run: { [unowned self] arguments in
        try train(arguments)
        return .continue
      }))
    commands.add(ShellCommand(
      name: "step", usage: ":step",
      summary: "one training step: the loss before and after, and how the weights moved",
      run: { [unowned self] arguments in
        guard arguments.isEmpty else { throw CommandError(":step takes no arguments (:train STEPS runs many)") }
        try trainOneStep()
        return .continue
      }))
  }

  /// The latest validation accuracy measured for `trainer`'s session.
  private func latestAccuracy(_ trainer: Trainer) -> Double? {
    let sid = tf.sessionID(of: trainer.session)
    return accuracySamples.last { $0.sessionID == sid }?.accuracy
  }

  /// `:train [STEPS]`.
  func train(_ arguments: [String]) throws {
    let noDashboard = arguments.contains("--no-dashboard")
    let arguments = arguments.filter { $0 != "--no-dashboard" }
    guard arguments.count <= 1 else { throw CommandError("give at most one number of steps") }
    let steps = try arguments.first.map { text -> Int in
      guard let n = Int(text.replacingOccurrences(of: "_", with: "")), n > 0, n <= 10_000_000 else {
        throw CommandError("STEPS is a whole number of steps, e.g. :train 1000")
      }
      return n
    } ?? 1000
    let trainer = try makeTrainer()
    let stepBefore = trainer.session.trainingStep
    let lossBefore = tf.trainingLog.last?.losses.last
    let started = DispatchTime.now().uptimeNanoseconds
    var done = 0
    var trainingSeconds = 0.0
    var note = ""
    var dashboardShown = false
    if interactive && !noDashboard {
      let dashboard = TrainDashboard(session: self, trainer: trainer, steps: steps)
      // Training ticks follow each other without waiting; the 50 ms is the idle tick (paused, done).
      if try openFullScreen(dashboard, tickMilliseconds: 50) {
        dashboardShown = true
        done = dashboard.done
        // The time the dashboard ran (pauses excluded), drawing included: steps/s is what the
        // learner got, not the speed between frames.
        trainingSeconds = dashboard.trainingSeconds + dashboard.overheadSeconds
        if let failure = dashboard.failure { throw CommandError(failure) }
        note = "  (the dashboard drew \(dashboard.framesDrawn) frame\(dashboard.framesDrawn == 1 ? "" : "s") and took "
          + "\(Format.fixed(dashboard.overheadShare * 100, decimals: 1))% of the time)"
        if done < steps { note = "  stopped early" + note }
      }
    }
    if !dashboardShown {  // no terminal, or one curses cannot drive (an unknown TERM): train without the dashboard
      var interrupted = false
      done = try trainer.run(steps: steps, stop: {
        if SignalInterrupts.take() > 0 { interrupted = true }
        return interrupted
      })
      trainingSeconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
      if interrupted { note = "  (KeyboardInterrupt: stopped early, what was learned is kept)" }
    }
    sampleValidationAccuracy(force: true)
    let rate = trainingSeconds > 0 ? Double(done) / trainingSeconds : 0
    var summary = "trained \(done) step\(done == 1 ? "" : "s") (step \(stepBefore) → \(trainer.session.trainingStep)) in "
      + "\(Format.fixed(trainingSeconds, decimals: 1)) s, \(Format.fixed(rate, decimals: 0)) steps/s"
    if let after = tf.trainingLog.last?.losses.last {
      summary += "; loss " + (lossBefore.map { Format.number(Double($0)) + " → " } ?? "") + Format.number(Double(after))
    }
    if let accuracy = latestAccuracy(trainer) { summary += "; validation accuracy \(Format.percent(accuracy))" }
    console.line(summary + note)
  }

  /// What trains the session's model (throws advice when something is missing).
  package func makeTrainer() throws -> Trainer { try Trainer(probe: probe) }

  /// `:step`: one training step shown in detail.
  func trainOneStep() throws {
    let trainer = try Trainer(probe: probe)
    let feeds = try trainer.nextFeeds()
    let before = try probe.weightImages().images
    let lossBefore = try trainer.lossValue(feeds)
    try trainer.step(feeds)
    let lossAfter = try trainer.lossValue(feeds)
    let after = try probe.weightImages().images
    let delta = zip(after, before).map { a, b in zip(a, b).map { $0 - $1 } }
    let scale = HeatmapView.symmetricScale(delta)
    var line = "step \(trainer.session.trainingStep): loss on this batch of \(trainer.batchSize)"
    if let lossBefore, let lossAfter {
      let change = Double(lossAfter - lossBefore)
      line += " \(Format.fixed(Double(lossBefore), decimals: 4)) → \(Format.fixed(Double(lossAfter), decimals: 4))"
        + " (\(change <= 0 ? "−" : "+")\(Format.fixed(abs(change), decimals: 4)))"
    }
    console.line(console.bold(line))
    console.line("how each class's weights moved (after − before; blue grew, red shrank), largest change \(Format.number(Double(scale))):")
    views.show(HeatmapView.grid(images: delta, titles: (0..<10).map { "Δ \($0)" }, scale: scale > 0 ? scale : 1,
                                maxSize: Size(width: views.width, height: 40)))
  }
}
