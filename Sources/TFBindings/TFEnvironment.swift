import Foundation
import MNISTData
import PyInterp
import TFGraph
import Tensors

/// The TensorFlow world of one interpreter session: the Python modules `tensorflow`,
/// `tensorflow.examples.tutorials.mnist.input_data` and `numpy`, and the state they share
/// (default graph, sessions, data sets, training history) for the shell to inspect.
///
/// ```swift
/// let py = Interpreter()
/// let tf = TFEnvironment(output: { print($0, terminator: "") })
/// tf.install(into: py)
/// try py.exec(source, filename: "tutorial.py")
/// tf.trainingLog.last?.losses        // the loss of every training step
/// ```
public final class TFEnvironment {
  /// Where text goes when no interpreter is installed (the interpreter's output is used otherwise).
  public var output: (String) -> Void
  /// The current default graph (`tf.get_default_graph()`); replaced by ``reset()``.
  public private(set) var graph = Graph()
  /// Every session created (open or closed), oldest first.
  public private(set) var sessions: [Session] = []
  /// The most recent `read_data_sets` result.
  public private(set) var datasets: Datasets?
  /// The batch size of the most recent `next_batch` call (the shell's `:train` reuses it).
  public internal(set) var lastBatchSize: Int?
  /// Every training step run through an optimizer's op, grouped by session.
  public internal(set) var trainingLog: [TrainingRun] = []
  /// The most training steps kept in ``trainingLog`` (all runs together); later steps are dropped.
  public var maxRecordedSteps = 1_000_000
  /// Relative `read_data_sets` folders are resolved against this folder (nil: the process's
  /// current directory). Messages still show the folder as the program wrote it.
  public var workingDirectory: String?

  /// The interpreter the modules were installed into.
  public private(set) weak var interpreter: Interpreter?

  var interactiveSession: SessionObject?
  var sessionStack: [SessionObject] = []
  var sessionObjects: [ObjectIdentifier: SessionObject] = [:]
  var tensorObjects: [Tensor: TensorObject] = [:]
  var variableObjects: [TFGraph.Operation: VariableObject] = [:]
  var operationObjects: [TFGraph.Operation: OperationObject] = [:]
  var datasetsObject: DataSetsObject?
  var graphStack: [Graph] = []
  var nextSessionID = 1
  var nameScopes: [String] = []
  var cachedDTypes: [String: DTypeObject]?
  var recordedSteps = 0
  /// NumPy's print options (`np.set_printoptions`).
  public var printOptions = PrintOptions()
  var numpyRandom = RandomGenerator(seed: 0)
  /// The shuffle seed `read_data_sets` uses when the program passes none (`nil`: a random one,
  /// as TensorFlow does). Tests set it so that accuracy checks are reproducible.
  package var defaultDataSeed: Int64?

  /// Creates an environment; `output` receives text when no interpreter is installed.
  public init(output: @escaping (String) -> Void = { print($0, terminator: "") }) {
    self.output = output
  }

  /// Registers `tensorflow` (with `tensorflow.examples.tutorials.mnist.input_data`) and `numpy`
  /// in `interpreter`'s module registry; printed text (the "Extracting ..." lines) goes to its output.
  public func install(into interpreter: Interpreter) {
    self.interpreter = interpreter
    interpreter.modules.register("tensorflow") { [unowned self] in self.makeTensorFlowModule() }
    interpreter.modules.register("tensorflow.examples") { PyModule("tensorflow.examples") }
    interpreter.modules.register("tensorflow.examples.tutorials") { PyModule("tensorflow.examples.tutorials") }
    interpreter.modules.register("tensorflow.examples.tutorials.mnist") {
      PyModule("tensorflow.examples.tutorials.mnist", doc: "The MNIST tutorial helpers.")
    }
    interpreter.modules.register("tensorflow.examples.tutorials.mnist.input_data") { [unowned self] in
      self.makeInputDataModule()
    }
    interpreter.modules.register("numpy") { [unowned self] in self.makeNumpyModule() }
    interpreter.modules.register("numpy.random") { [unowned self] in self.makeNumpyRandomModule() }
  }

  /// Writes `text` to the interpreter's output (or ``output`` when none is installed).
  func write(_ text: String) {
    if let interpreter { interpreter.write(text) } else { output(text) }
  }

  /// The session `op.run()` and `t.eval()` use: the innermost `with` session, else the
  /// InteractiveSession, else the most recent session (for the shell; may be closed).
  public var defaultSession: Session? {
    registeredDefaultSession?.session ?? sessions.last
  }

  /// TensorFlow's registered default session (no "most recent" fallback).
  var registeredDefaultSession: SessionObject? {
    if let s = sessionStack.last { return s }
    if let s = interactiveSession, !s.session.isClosed { return s }
    return nil
  }

  /// Starts afresh: a new default graph, every session closed and forgotten, training log cleared.
  /// Data sets stay loaded.
  public func reset() {
    for s in sessions { s.close() }
    sessions = []
    sessionObjects = [:]
    interactiveSession = nil
    sessionStack = []
    graphStack = []
    trainingLog = []
    recordedSteps = 0
    resetDefaultGraph()
  }

  /// `tf.reset_default_graph()`: a fresh default graph (sessions keep their own graphs).
  func resetDefaultGraph() {
    graph = Graph()
    nameScopes = []
    tensorObjects = [:]
    variableObjects = [:]
    operationObjects = [:]
  }

  /// Enters `tf.name_scope(name)`: returns the full, unique scope name.
  func enterNameScope(_ name: String) -> String {
    let g = graph
    let full: String
    if name.isEmpty {
      full = ""
    } else if name.hasSuffix("/") {
      full = String(name.dropLast())
    } else if let outer = nameScopes.last, !outer.isEmpty {
      full = g.withNameScope(outer + "/") { g.uniqueName(name) }
    } else {
      full = g.uniqueName(name)
    }
    nameScopes.append(full)
    return full
  }

  /// Leaves the innermost `tf.name_scope`.
  func exitNameScope() { _ = nameScopes.popLast() }

  /// Sets the default graph (used by `Graph.as_default()`).
  func setGraph(_ g: Graph) { graph = g }

  // MARK: - Sessions

  /// Creates a session on the default graph, recording its training steps.
  func makeSession(interactive: Bool, graph g: Graph? = nil) -> SessionObject {
    let session = Session(graph: g ?? graph)
    let id = nextSessionID
    nextSessionID += 1
    let object = SessionObject(session: session, id: id, interactive: interactive, env: self)
    sessions.append(session)
    sessionObjects[ObjectIdentifier(session)] = object
    session.addTrainingObserver { [unowned self] event in self.record(sessionID: id, event) }
    if interactive {
      interactiveSession = object
    }
    return object
  }

  /// The Python object for a session made here.
  func object(for session: Session) -> SessionObject? { sessionObjects[ObjectIdentifier(session)] }

  /// The numeric id the training log uses for `session` (nil for sessions made elsewhere).
  public func sessionID(of session: Session) -> Int? { object(for: session)?.id }

  // MARK: - Data

  func setDatasets(_ d: Datasets, object: DataSetsObject) {
    datasets = d
    datasetsObject = object
  }
}
