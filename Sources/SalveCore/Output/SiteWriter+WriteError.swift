// Why the site could not be written: each case names the real cause, the paths involved and what to do.
import Foundation

extension SiteWriter {
    public enum WriteError: Error, Equatable, CustomStringConvertible {
        /// A site file whose path would leave the output folder.
        case pathEscapes(String)
        /// The output is not Salve's to replace: (the output as shown, why, what to do).
        case refused(String, String, String)
        /// Another build holds the lock of this output: (the output, its pid when known).
        case busy(String, Int32?)
        /// The site writes a path whose top entry the output keeps: (the kept name, why it is kept, the file, its source).
        case keptNameWritten(String, String, String, String?)
        /// The site holds two files at one path, or a file where it also needs a folder.
        case conflictingPaths(String)
        /// A system call failed: (the output as shown, the failure). The old output is left as it was.
        case failed(String, FileSystemFailure)
        /// `write` or `finish` after the staged site was finished or abandoned.
        case closed

        public var description: String {
            switch self {
            case .pathEscapes(let path): "refusing to write \(path): it would leave the output folder"
            case .refused(let output, let reason, let fix): "refusing to build into \(output): \(reason) — \(fix)"
            case .busy(let output, let pid):
                "another build of this project is running\(pid.map { " (pid \($0))" } ?? "") and writing \(output)"
                    + " — wait for it to finish, or stop it, and build again"
            case .keptNameWritten(let name, let why, let path, let source):
                "the site writes \(path)\(source.map { " (from \($0))" } ?? ""), but \(name) is kept in the output"
                    + " (\(why)) — rename one of them"
            case .conflictingPaths(let path): "the site has two entries at \(path) (two files, or a file and a folder)"
            case .failed(let output, let failure):
                "could not write the site (\(failure)); \(output.hasSuffix("/") ? output : output + "/") was left as it was — \(failure.fix)"
            case .closed: "the staged site was already finished or abandoned"
            }
        }
    }
}
