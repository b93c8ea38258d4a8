extension LearnerSession {
  /// Connects the parts the command line chose: the TensorFlow modules, lessons and views.
  func configure(options: ShellOptions) {
  }
}
