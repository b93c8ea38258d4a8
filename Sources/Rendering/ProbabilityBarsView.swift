/// Horizontal bars for class probabilities, marking the prediction and the true label.
public enum ProbabilityBarsView {
  static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

  /// A bar of `fraction` × `width` cells drawn with eighth blocks.
  public static func bar(_ fraction: Double, width: Int) -> String {
    guard width > 0 else { return "" }
    let f = fraction.isFinite ? min(max(fraction, 0), 1) : 0
    let units = Int((f * Double(width * 8)).rounded())
    return String(repeating: "█", count: units / 8) + eighths[units % 8]
  }

  /// The smallest space for `count` classes.
  public static func minimumSize(count: Int = 10) -> Size { Size(width: 20, height: max(1, count)) }

  /// One row per class: label, bar, percentage, and marks for the argmax and the true label.
  ///
  /// The predicted row is bold (green when it is right or no label is known, red
  /// when wrong); the true label's row is marked "◁ label" in yellow.
  /// `labels` default to "0", "1", …; NaN probabilities count as 0.
  public static func frame(
    probabilities: [Float], trueLabel: Int? = nil, labels: [String]? = nil, maxSize: Size
  ) -> Frame {
    let n = probabilities.count
    let need = minimumSize(count: n)
    guard maxSize.contains(need) else { return .tooSmall("The probability bars", needs: need, available: maxSize) }
    let names = labels ?? (0..<n).map(String.init)
    let labelW = max(1, names.map(TextLayout.width(of:)).max() ?? 1)
    var predicted = 0
    for i in 0..<n where probabilities[i] > probabilities[predicted] { predicted = i }
    let fixedW = labelW + 1 + 1 + 6  // label, space, space, "100.0%"
    let longMarks = maxSize.width - fixedW >= 10 + 22
    let markW = longMarks ? 22 : 2
    let barW = max(1, min(40, maxSize.width - fixedW - markW))
    var f = Frame(width: min(maxSize.width, fixedW + barW + markW), height: n)
    for i in 0..<n {
      let p = probabilities[i].isFinite ? Double(probabilities[i]) : 0
      let isPred = i == predicted, isTrue = i == trueLabel
      let good = trueLabel == nil || predicted == trueLabel
      let barColor: TermColor = isPred ? .basic(good ? .green : .red) : isTrue ? .basic(.yellow) : .basic(.cyan)
      let attrs: CellAttributes = isPred ? .bold : []
      var x = f.put(TextLayout.padLeft(i < names.count ? names[i] : "", labelW), x: 0, y: i, style: Style(attributes: attrs)) + 1
      f.put(bar(p, width: barW), x: x, y: i, style: Style(fg: barColor))
      x += barW + 1
      x += f.put(TextLayout.padLeft(Format.percent(p), 6), x: x, y: i, style: Style(attributes: attrs))
      var mark = ""
      if isPred && isTrue {
        mark = longMarks ? " ◀ predicted, correct" : " ◀"
      } else if isPred {
        mark = longMarks ? (trueLabel == nil ? " ◀ predicted" : " ◀ predicted, wrong") : " ◀"
      } else if isTrue {
        mark = longMarks ? " ◁ label" : " ◁"
      }
      f.put(mark, x: x, y: i, style: Style(fg: isTrue && !isPred ? .basic(.yellow) : barColor, attributes: attrs))
    }
    return f
  }
}
