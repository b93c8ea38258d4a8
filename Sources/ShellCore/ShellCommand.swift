/// A shell command: a line typed at the prompt that starts with `:`.
public struct ShellCommand {
  /// The name without the colon (`help`).
  public var name: String
  /// Other names that run it (`q` for `quit`).
  public var aliases: [String]
  /// How to call it, e.g. `:digit [train|validation|test] INDEX`.
  public var usage: String
  /// One line for the `:help` table.
  public var summary: String
  /// A few lines for `:help NAME`.
  public var details: String
  /// Words offered by tab completion after the command name.
  public var argumentWords: [String]
  /// Runs the command with its arguments (already split on white space).
  public var run: ([String]) throws -> CommandResult

  public init(
    name: String, aliases: [String] = [], usage: String, summary: String, details: String = "",
    argumentWords: [String] = [], run: @escaping ([String]) throws -> CommandResult
  ) {
    self.name = name
    self.aliases = aliases
    self.usage = usage
    self.summary = summary
    self.details = details
    self.argumentWords = argumentWords
    self.run = run
  }
}

/// What the REPL does after a command.
public enum CommandResult: Equatable {
  case `continue`
  case quit
}

/// A problem with how a command was called; shown as `:name: message` with its usage.
public struct CommandError: Error, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

/// The commands the shell knows, in the order `:help` lists them.
public final class CommandRegistry {
  public private(set) var commands: [ShellCommand] = []

  public init() {}

  public func add(_ command: ShellCommand) { commands.append(command) }

  /// The command called `name` (or one of its aliases).
  public func find(_ name: String) -> ShellCommand? {
    commands.first { $0.name == name || $0.aliases.contains(name) }
  }

  /// Every name and alias, for completion.
  public var allNames: [String] { commands.flatMap { [$0.name] + $0.aliases } }

  /// Splits a command line (`:digit test 3`) into the name and its arguments.
  public static func split(_ line: String) -> (name: String, arguments: [String]) {
    var body = Substring(line.drop { $0 == " " || $0 == "\t" })
    if body.first == ":" { body = body.dropFirst() }
    let words = body.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    return (words.first ?? "", Array(words.dropFirst()))
  }
}
