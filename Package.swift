// swift-tools-version:6.0
import PackageDescription

// mnist-shell: a terminal learning shell for TensorFlow's "MNIST for ML Beginners".
// Library targets have one job each; the executable wires them together.

// The modules on a training step's path (the interpreter's dispatch, the bindings, the graph
// engine, arrays and batches) are built without the run-time exclusivity checks in release: a
// step makes hundreds of checked accesses to class-held arrays (a session's value slots, a data
// set's buffers), about a quarter of the instructions outside the kernels (callgrind). Debug
// builds keep the checks.
let hotPath: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
  name: "mnist-shell",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "mnist-shell", targets: ["mnist-shell"]),
    .executable(name: "mnist-bench", targets: ["mnist-bench"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    // MARK: - C interop (system libraries behind small static-inline shims)
    .systemLibrary(
      name: "CEditLine", pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"]), .brew(["libedit"])]),
    .systemLibrary(
      name: "CNCursesW",
      providers: [.apt(["libncurses-dev"]), .brew(["ncurses"])]),
    .systemLibrary(
      name: "CZlib", pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
    // Hand-vectorised float kernels with run-time CPU dispatch (portable build,
    // wide instructions only where the CPU has them).
    .target(name: "CKernels", cSettings: [.unsafeFlags(["-O3"])]),

    // MARK: - Engine
    .target(name: "Tensors", dependencies: ["CKernels"], swiftSettings: hotPath),
    .target(name: "TFGraph", dependencies: ["Tensors"], exclude: ["README.md"], swiftSettings: hotPath),
    // Downloads through libcurl loaded at run time (dlopen), so startup does not load it.
    .target(name: "CFetch", linkerSettings: [.linkedLibrary("dl")]),
    .target(name: "MNISTData", dependencies: ["CZlib", "CKernels", "CFetch"], exclude: ["Resources"], swiftSettings: hotPath),

    // MARK: - Language
    .target(name: "PyInterp", swiftSettings: hotPath),
    .target(name: "TFBindings", dependencies: ["PyInterp", "TFGraph", "Tensors", "MNISTData"], swiftSettings: hotPath),

    // MARK: - Terminal
    .target(name: "Rendering"),
    .target(name: "TermUI", dependencies: ["CNCursesW", "Rendering"]),
    .target(name: "LineEdit", dependencies: ["CEditLine"]),

    // MARK: - Product
    .target(name: "LessonKit", dependencies: ["PyInterp", "TFBindings", "TFGraph"]),
    .target(
      name: "ShellCore",
      dependencies: [
        "PyInterp", "TFBindings", "TFGraph", "Tensors", "MNISTData", "Rendering", "TermUI",
        "LineEdit", "LessonKit",
      ]),
    .executableTarget(
      name: "mnist-shell",
      dependencies: ["ShellCore", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
    .executableTarget(name: "mnist-bench", dependencies: ["ShellCore", "TFBindings", "MNISTData"]),

    // MARK: - Tests
    .target(name: "_TestSupport", dependencies: ["Tensors"], path: "Sources/_TestSupport"),
    .testTarget(name: "TensorsTests", dependencies: ["Tensors", "_TestSupport"]),
    .testTarget(name: "TFGraphTests", dependencies: ["TFGraph", "Tensors", "MNISTData", "_TestSupport"]),
    .testTarget(name: "MNISTDataTests", dependencies: ["MNISTData", "CZlib"]),
    .testTarget(name: "PyInterpTests", dependencies: ["PyInterp"]),
    .testTarget(name: "TFBindingsTests", dependencies: ["TFBindings", "PyInterp", "TFGraph", "Tensors", "MNISTData"]),
    .testTarget(name: "RenderingTests", dependencies: ["Rendering"]),
    .testTarget(name: "TermUITests", dependencies: ["TermUI", "Rendering", "CNCursesW"]),
    .testTarget(name: "LineEditTests", dependencies: ["LineEdit"]),
    .testTarget(name: "LessonKitTests", dependencies: ["LessonKit", "PyInterp", "TFBindings"]),
    .testTarget(name: "ShellCoreTests", dependencies: ["ShellCore", "LessonKit", "PyInterp", "TFBindings", "Tensors"]),
  ]
)
