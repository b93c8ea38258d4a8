/// A confusion matrix table (rows: true class, columns: predicted class) with per-class accuracy.
public enum ConfusionMatrixView {
  /// Where the parts of the table are, for drawing and for mouse hit-testing.
  public struct Layout: Sendable, Equatable {
    /// Columns before the first count column.
    public let labelWidth: Int
    /// Columns per count.
    public let cellWidth: Int
    /// Row of the first class.
    public let firstRow: Int
    public let classes: Int
    /// Total size of the table.
    public let size: Size

    public init(matrix: [[Int]]) {
      classes = matrix.count
      let maxCount = matrix.flatMap { $0 }.max() ?? 0
      cellWidth = max(4, String(maxCount).count + 1)
      labelWidth = 8
      firstRow = 2
      size = Size(width: labelWidth + classes * cellWidth + 8, height: firstRow + classes + 2)
    }

    /// The (true, predicted) pair drawn at column `x`, row `y`, if any.
    public func cell(atX x: Int, y: Int) -> (trueLabel: Int, predicted: Int)? {
      let r = y - firstRow, c = x - labelWidth
      guard r >= 0, r < classes, c >= 0, c < classes * cellWidth else { return nil }
      return (r, c / cellWidth)
    }
  }

  /// The table for a square matrix of counts; `selected` (true, predicted) is drawn in reverse video.
  public static func frame(matrix: [[Int]], selected: (trueLabel: Int, predicted: Int)? = nil, maxSize: Size) -> Frame {
    let layout = Layout(matrix: matrix)
    let n = layout.classes
    guard maxSize.contains(layout.size) else { return .tooSmall("The confusion matrix", needs: layout.size, available: maxSize) }
    var f = Frame(size: layout.size)
    let cw = layout.cellWidth, lw = layout.labelWidth
    f.put("predicted →", x: lw, y: 0, style: .dim)
    f.put("true ↓", x: 0, y: 1, style: .dim)
    for c in 0..<n { f.put(TextLayout.padLeft(String(c), cw), x: lw + c * cw, y: 1, style: .bold) }
    f.put("  right", x: lw + n * cw, y: 1, style: .dim)
    var correct = 0, total = 0
    for r in 0..<n {
      let y = layout.firstRow + r
      let row = matrix[r]
      let rowTotal = row.reduce(0, +)
      let hits = r < row.count ? row[r] : 0
      correct += hits
      total += rowTotal
      f.put(TextLayout.padLeft(String(r), 6), x: 0, y: y, style: .bold)
      for c in 0..<n {
        let v = c < row.count ? row[c] : 0
        var style = Style()
        if r == c {
          style = Style(fg: .basic(.green), attributes: .bold)
        } else if v > 0 {
          let share = rowTotal > 0 ? Double(v) / Double(rowTotal) : 0
          style = Style(fg: .basic(.red), attributes: share >= 0.02 ? .bold : [])
        } else {
          style = Style(attributes: .dim)
        }
        if let s = selected, s.trueLabel == r, s.predicted == c { style.attributes.insert(.reverse) }
        f.put(TextLayout.padLeft(v == 0 && r != c ? "·" : String(v), cw), x: lw + c * cw, y: y, style: style)
      }
      let acc = rowTotal > 0 ? Format.percent(Double(hits) / Double(rowTotal)) : "—"
      f.put(TextLayout.padLeft(acc, 7), x: lw + n * cw + 1, y: y)
    }
    let overall = total > 0 ? Format.percent(Double(correct) / Double(total)) : "—"
    f.put("overall accuracy \(overall) (\(correct) of \(total))", x: 0, y: layout.firstRow + n + 1, style: .bold)
    return f
  }
}
