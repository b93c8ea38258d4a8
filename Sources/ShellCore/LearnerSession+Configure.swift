extension LearnerSession {
  /// Connects the parts the command line chose: lessons (interactive sessions) and views.
  /// - Returns: an error message when something the learner asked for cannot be loaded.
  func configure(options: ShellOptions) -> String? {
    if interactive || options.lessonsDirectory != nil {
      if let error = installLessons(directory: options.lessonsDirectory) { return error }
    }
    return nil
  }
}
