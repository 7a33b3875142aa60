// glibc functions that Swift's Glibc module does not declare, looked up at run time.
import Foundation

enum LinuxCalls {
    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    typealias CopyFileRange = @convention(c) (Int32, UnsafeMutablePointer<Int64>?, Int32, UnsafeMutablePointer<Int64>?, Int, UInt32)
        -> Int

    /// `renameat2`, for RENAME_EXCHANGE: nil where the C library lacks it.
    static let renameAt2: RenameAt2? = symbol("renameat2").map { unsafeBitCast($0, to: RenameAt2.self) }
    static let renameExchange: UInt32 = 2  // RENAME_EXCHANGE in <linux/fs.h>

    /// `copy_file_range`: the kernel copies between two files without the bytes passing through this process.
    static let copyFileRange: CopyFileRange? = symbol("copy_file_range").map { unsafeBitCast($0, to: CopyFileRange.self) }

    private static func symbol(_ name: String) -> UnsafeMutableRawPointer? {
        dlsym(dlopen(nil, RTLD_NOW), name)
    }
}
