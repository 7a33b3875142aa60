// The five bands of the INFLESZ scale, which reads a Szigriszt-Pazos score for Spanish health texts.

/// Where a Szigriszt-Pazos score falls on the INFLESZ scale (Barrio-Cantalejo et al., 2008), hardest first.
/// Each band starts at its `lowerBound` and runs up to the next band's: 55 is already "normal", 80 "muy fácil".
/// INFLESZ's authors ask health information for patients to reach "normal" (55) or easier.
public enum InfleszBand: String, CaseIterable, Comparable, Sendable {
    /// Below 40.
    case muyDificil = "muy difícil"
    /// 40 up to 55.
    case algoDificil = "algo difícil"
    /// 55 up to 65.
    case normal = "normal"
    /// 65 up to 80.
    case bastanteFacil = "bastante fácil"
    /// 80 and above.
    case muyFacil = "muy fácil"

    /// The lowest score in the band (no bound for "muy difícil": scores can go below 0 on dense text).
    public var lowerBound: Double? {
        switch self {
        case .muyDificil: nil
        case .algoDificil: 40
        case .normal: 55
        case .bastanteFacil: 65
        case .muyFacil: 80
        }
    }

    /// The band a Szigriszt-Pazos score falls in.
    public init(szigrisztPazos score: Double) {
        self = InfleszBand.allCases.last { band in band.lowerBound.map { score >= $0 } ?? true } ?? .muyDificil
    }

    /// Harder bands sort first.
    public static func < (lhs: InfleszBand, rhs: InfleszBand) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int { InfleszBand.allCases.firstIndex(of: self) ?? 0 }
}
