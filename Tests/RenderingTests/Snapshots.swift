// Recorded frame snapshots (glyphs or colour indices) that the builder tests compare against.
// To update one: delete its entry, run the tests, check the recorded file named in the failure and paste it here.

enum Snapshots {
  static let all: [String: String] = [
    "confusion": #"""
        predicted →
true ↓     0   1   2   3   4   5   6   7   8   9  right
     0    90   3   ·   ·   ·   ·   ·   ·   ·   ·   96.8%
     1     ·  91   3   ·   ·   ·   ·   ·   ·   ·   96.8%
     2     ·   ·  92   3   ·   ·   ·   ·   ·   ·   96.8%
     3     ·   ·   ·  93   3   ·   ·   ·   ·   ·   96.9%
     4     ·   ·   ·   ·  94   3   ·   ·   ·   ·   96.9%
     5     ·   ·   ·   ·   ·  95   3   ·   ·   ·   96.9%
     6     ·   ·   ·   ·   ·   ·  96   3   ·   ·   97.0%
     7     ·   ·   ·   ·   ·   ·   ·  97   3   ·   97.0%
     8     ·   ·   ·   ·   ·   ·   ·   ·  98   3   97.0%
     9     3   ·   ·   ·   ·   ·   ·   ·   ·  99   97.1%

overall accuracy 96.9% (945 of 975)
"""#,
    "digit-ascii": #"""


         --******--
      -##############-
     =####==    ==####=
    =%%%%          %%%%=
    @@@@            @@@@
    @@@@            @@@@
    +@@@@          @@@@+
     +@@@@++    ++@@@@+
      +@@@@@@@@@@@@@@+
         ++@@@@@@++


"""#,
    "digit-halfblock-colors": #"""
10101010101010101010101010101010101010101010101010101010 | 10101010101010101010101010101010101010101010101010101010
10101010101010101010101010101010101010101010101010101010 | 10101010101010101010101010101010101010101010101010101010
1010101010101010101010f3f3f3f3f3f31010101010101010101010 | 101010101010101010f5f5f5f5f5f5f5f5f5f5101010101010101010
10101010101010f5f5f5f5f5f5f5f5f5f5f5f5f5f510101010101010 | 101010101010f8f8f8f8f8f8f8f8f8f8f8f8f8f8f8f8101010101010
101010101010f8f8f8f8f8f810101010f8f8f8f8f8f8101010101010 | 1010101010f8f8f8f8f81010101010101010f8f8f8f8f81010101010
1010101010fbfbfbfb10101010101010101010fbfbfbfb1010101010 | 10101010fbfbfbfbfb10101010101010101010fbfbfbfbfb10101010
10101010fbfbfbfb101010101010101010101010fbfbfbfb10101010 | 10101010e7e7e7e7101010101010101010101010e7e7e7e710101010
10101010e7e7e7e7101010101010101010101010e7e7e7e710101010 | 10101010e7e7e7e7101010101010101010101010e7e7e7e710101010
10101010e7e7e7e7e710101010101010101010e7e7e7e7e710101010 | 1010101010e7e7e7e710101010101010101010e7e7e7e71010101010
1010101010e7e7e7e7e71010101010101010e7e7e7e7e71010101010 | 101010101010e7e7e7e7e7e710101010e7e7e7e7e7e7101010101010
101010101010e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7101010101010 | 10101010101010e7e7e7e7e7e7e7e7e7e7e7e7e7e710101010101010
101010101010101010e7e7e7e7e7e7e7e7e7e7101010101010101010 | 1010101010101010101010e7e7e7e7e7e71010101010101010101010
10101010101010101010101010101010101010101010101010101010 | 10101010101010101010101010101010101010101010101010101010
10101010101010101010101010101010101010101010101010101010 | 10101010101010101010101010101010101010101010101010101010
"""#,
    "heatmap-grid-colors": #"""
···················································································································································· | ····················································································································································
e7e7e7e7e7e7e7e7e7e7e7e7e7e7··e0e7e7e7e7e7e7e7e7e7e7e7e7e7··e0e0e0e0e7e7e7e7e7e7bdbdbdbd··d9e0e0e0e0e7e7e7e7bdbdbdbdbd··d9d9d9e0e0e0e7e7e7bdbdbd9393 | e7e7e7e7e7e7e7e7e7e7e7e7e7e7··e0e7e7e7e7e7e7e7e7e7e7e7e7e7··e0e0e0e0e7e7e7e7e7e7bdbdbdbd··d9e0e0e0e0e7e7e7e7bdbdbdbdbd··d9d9d9e0e0e0e7e7e7bdbdbd9393
e7e7e7e7e7e7e7e7e7e7e7e7e7e7··e0e7e7e7e7e7e7e7e7e7e7e7e7e7··e0e0e0e0e7e7e7e7e7e7bdbdbdbd··d9e0e0e0e0e7e7e7e7bdbdbdbdbd··d9d9d9e0e0e0e7e7e7bdbdbd9393 | e7e7e7e7e7e7e7e7e7e7e7e7e7e7··e0e7e7e7e7e7e7e7e7e7e7e7e7e7··e0e0e0e0e7e7e7e7e7e7bdbdbdbd··d9e0e0e0e0e7e7e7e7bdbdbdbdbd··d9d9d9e0e0e0e7e7e7bdbdbd9393
e7e7e7e7e7e7e7e7e7e7e7e7e7e7··e0e7e7e7e7e7e7e7e7e7e7e7e7e7··e0e0e0e0e7e7e7e7e7e7bdbdbdbd··d9e0e0e0e0e7e7e7e7bdbdbdbdbd··d9d9d9e0e0e0e7e7e7bdbdbd9393 | e7e7e7e7e7e7e7e7e7e7e7e7e7e7··e0e7e7e7e7e7e7e7e7e7e7e7e7e7··e0e0e0e0e7e7e7e7e7e7bdbdbdbd··d9e0e0e0e0e7e7e7e7bdbdbdbdbd··d9d9d9e0e0e0e7e7e7bdbdbd9393
e7e7e7e7e7e7e7e7e7e7e7e7e7e7··e0e7e7e7e7e7e7e7e7e7e7e7e7e7··e0e0e0e0e7e7e7e7e7e7bdbdbdbd··d9e0e0e0e0e7e7e7e7bdbdbdbdbd··d9d9d9e0e0e0e7e7e7bdbdbd9393 | e7e7e7e7e7e7e7e7e7e7e7e7e7e7··e0e7e7e7e7e7e7e7e7e7e7e7e7e7··e0e0e0e0e7e7e7e7e7e7bdbdbdbd··d9e0e0e0e0e7e7e7e7bdbdbdbdbd··d9d9d9e0e0e0e7e7e7bdbdbd9393
e7e7e7e7e7e7e7e7e7e7e7e7e7e7··e0e7e7e7e7e7e7e7e7e7e7e7e7e7··e0e0e0e0e7e7e7e7e7e7bdbdbdbd··d9e0e0e0e0e7e7e7e7bdbdbdbdbd··d9d9d9e0e0e0e7e7e7bdbdbd9393 | e7e7e7e7e7e7e7e7e7e7e7e7e7e7··e0e7e7e7e7e7e7e7e7e7e7e7e7e7··e0e0e0e0e7e7e7e7e7e7bdbdbdbd··d9e0e0e0e0e7e7e7e7bdbdbdbdbd··d9d9d9e0e0e0e7e7e7bdbdbd9393
e7e7e7e7e7e7e7e7e7e7e7e7e7e7··e0e7e7e7e7e7e7e7e7e7e7e7e7e7··e0e0e0e0e7e7e7e7e7e7bdbdbdbd··d9e0e0e0e0e7e7e7e7bdbdbdbdbd··d9d9d9e0e0e0e7e7e7bdbdbd9393 | e7e7e7e7e7e7e7e7e7e7e7e7e7e7··e0e7e7e7e7e7e7e7e7e7e7e7e7e7··e0e0e0e0e7e7e7e7e7e7bdbdbdbd··d9e0e0e0e0e7e7e7e7bdbdbdbdbd··d9d9d9e0e0e0e7e7e7bdbdbd9393
e7e7e7e7e7e7e7e7e7e7e7e7e7e7··e0e7e7e7e7e7e7e7e7e7e7e7e7e7··e0e0e0e0e7e7e7e7e7e7bdbdbdbd··d9e0e0e0e0e7e7e7e7bdbdbdbdbd··d9d9d9e0e0e0e7e7e7bdbdbd9393 | e7e7e7e7e7e7e7e7e7e7e7e7e7e7··e0e7e7e7e7e7e7e7e7e7e7e7e7e7··e0e0e0e0e7e7e7e7e7e7bdbdbdbd··d9e0e0e0e0e7e7e7e7bdbdbdbdbd··d9d9d9e0e0e0e7e7e7bdbdbd9393
···················································································································································· | ····················································································································································
d2d9d9e0e0e0e7e7e7bdbd939393··d2d2d9d9e0e0e7e7bdbd93936969··cbd2d2d9d9e0e7e7bdbd93936969··cbcbd2d9d9e0e7e7bdbd9369693f··c4cbd2d2d9e0e0e7bd9393693f3f | d2d9d9e0e0e0e7e7e7bdbd939393··d2d2d9d9e0e0e7e7bdbd93936969··cbd2d2d9d9e0e7e7bdbd93936969··cbcbd2d9d9e0e7e7bdbd9369693f··c4cbd2d2d9e0e0e7bd9393693f3f
d2d9d9e0e0e0e7e7e7bdbd939393··d2d2d9d9e0e0e7e7bdbd93936969··cbd2d2d9d9e0e7e7bdbd93936969··cbcbd2d9d9e0e7e7bdbd9369693f··c4cbd2d2d9e0e0e7bd9393693f3f | d2d9d9e0e0e0e7e7e7bdbd939393··d2d2d9d9e0e0e7e7bdbd93936969··cbd2d2d9d9e0e7e7bdbd93936969··cbcbd2d9d9e0e7e7bdbd9369693f··c4cbd2d2d9e0e0e7bd9393693f3f
d2d9d9e0e0e0e7e7e7bdbd939393··d2d2d9d9e0e0e7e7bdbd93936969··cbd2d2d9d9e0e7e7bdbd93936969··cbcbd2d9d9e0e7e7bdbd9369693f··c4cbd2d2d9e0e0e7bd9393693f3f | d2d9d9e0e0e0e7e7e7bdbd939393··d2d2d9d9e0e0e7e7bdbd93936969··cbd2d2d9d9e0e7e7bdbd93936969··cbcbd2d9d9e0e7e7bdbd9369693f··c4cbd2d2d9e0e0e7bd9393693f3f
d2d9d9e0e0e0e7e7e7bdbd939393··d2d2d9d9e0e0e7e7bdbd93936969··cbd2d2d9d9e0e7e7bdbd93936969··cbcbd2d9d9e0e7e7bdbd9369693f··c4cbd2d2d9e0e0e7bd9393693f3f | d2d9d9e0e0e0e7e7e7bdbd939393··d2d2d9d9e0e0e7e7bdbd93936969··cbd2d2d9d9e0e7e7bdbd93936969··cbcbd2d9d9e0e7e7bdbd9369693f··c4cbd2d2d9e0e0e7bd9393693f3f
d2d9d9e0e0e0e7e7e7bdbd939393··d2d2d9d9e0e0e7e7bdbd93936969··cbd2d2d9d9e0e7e7bdbd93936969··cbcbd2d9d9e0e7e7bdbd9369693f··c4cbd2d2d9e0e0e7bd9393693f3f | d2d9d9e0e0e0e7e7e7bdbd939393··d2d2d9d9e0e0e7e7bdbd93936969··cbd2d2d9d9e0e7e7bdbd93936969··cbcbd2d9d9e0e7e7bdbd9369693f··c4cbd2d2d9e0e0e7bd9393693f3f
d2d9d9e0e0e0e7e7e7bdbd939393··d2d2d9d9e0e0e7e7bdbd93936969··cbd2d2d9d9e0e7e7bdbd93936969··cbcbd2d9d9e0e7e7bdbd9369693f··c4cbd2d2d9e0e0e7bd9393693f3f | d2d9d9e0e0e0e7e7e7bdbd939393··d2d2d9d9e0e0e7e7bdbd93936969··cbd2d2d9d9e0e7e7bdbd93936969··cbcbd2d9d9e0e7e7bdbd9369693f··c4cbd2d2d9e0e0e7bd9393693f3f
d2d9d9e0e0e0e7e7e7bdbd939393··d2d2d9d9e0e0e7e7bdbd93936969··cbd2d2d9d9e0e7e7bdbd93936969··cbcbd2d9d9e0e7e7bdbd9369693f··c4cbd2d2d9e0e0e7bd9393693f3f | d2d9d9e0e0e0e7e7e7bdbd939393··d2d2d9d9e0e0e7e7bdbd93936969··cbd2d2d9d9e0e7e7bdbd93936969··cbcbd2d9d9e0e7e7bdbd9369693f··c4cbd2d2d9e0e0e7bd9393693f3f
···················································································································································· | ····················································································································································
······c4c4cbcbd2d2d9d9e0e0e7e7bdbd939369693f3f1515·································································································· | ······c4c4cbcbd2d2d9d9e0e0e7e7bdbd939369693f3f1515··································································································
"""#,
    "heatmap-grid": #"""
0              1              2              3              4
▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀
▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀
▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀
▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀
▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀
▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀
▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀
5              6              7              8              9
▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀
▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀
▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀
▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀
▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀
▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀
▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀

-1 ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀ +1  red negative · white 0 · blue positive
"""#,
    "line-chart": #"""
Training  ⣀⣀ loss (left)   ⣀⣀ accuracy (right)
3.0┤                                                   ├1.0
   │⡄                                       ⣀⣀⡠⠤⠤⠒⠂    │
2.5┤⠸⡀                         ⣀⣀⡠⠤⠤⠤⠒⠒⠒⠒⠉⠉⠉           ├0.8
   │ ⢣           ⣀⣀⣀⣀⠤⠤⠔⠒⠒⠒⠉⠉⠉⠉                        │
2.0┤ ⢀⣱⣀⠤⠤⠔⠒⠒⠉⠉⠉⠉                                      ├0.6
1.5┤⠉⠁ ⠑⢄                                              ├0.4
   │     ⠑⢄⡀                                           │
1.0┤       ⠈⠑⠢⢄⣀                                       ├0.2
   │            ⠉⠉⠑⠒⠢⠤⠤⢄⣀⣀⣀                            │
0.5┤                       ⠉⠉⠉⠉⠑⠒⠒⠒⠒⠒⠒⠢⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⣀⣀⣀⣀⣀├0.0
   └┬─────────┬─────────┬─────────┬──────────┬─────────┘
    0        20        40        60         80
                           step
"""#,
    "panel": #"""
┌ Help ──────────────────────┐
│ A panel with words that    │
│ wrap around nicely.        │
│                            │
│ Second paragraph.          │
└────────────────────────────┘
"""#,
    "probability-bars": #"""
0 ▎                               1.0%
1 ▋                               2.0%
2 █▌                              5.0%
3 █████████████████▍             60.0% ◀ predicted, wrong
4 ▋                               2.0%
5 ██▉                            10.0%
6                                 0.0%
7 █▌                              5.0%
8 ████▍                          15.0% ◁ label
9                                 0.0%
"""#,
  ]
}
