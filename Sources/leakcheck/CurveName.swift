import ArgumentParser
import PolyCommitment

/// A curve named on the command line; commands switch on it once and call a
/// function generic over the curve.
enum CurveName: String, ExpressibleByArgument, CaseIterable {
    case vesta
    case pallas
}

/// An SRS file format named on the command line.
enum FormatName: String, ExpressibleByArgument, CaseIterable {
    case kimchi
    case o1jsJSON = "o1js-json"

    var format: SRSFileFormat {
        switch self {
        case .kimchi: return .kimchi
        case .o1jsJSON: return .o1jsJSON
        }
    }
}
