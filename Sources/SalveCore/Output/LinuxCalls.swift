// glibc functions that Swift's Glibc module does not declare, looked up at run time.
import Foundation

public enum LinuxCalls {
    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    typealias CopyFileRange = @convention(c) (Int32, UnsafeMutablePointer<Int64>?, Int32, UnsafeMutablePointer<Int64>?, Int, UInt32)
        -> Int

    /// `renameat2`, for RENAME_EXCHANGE: nil where the C library lacks it.
    static let renameAt2: RenameAt2? = symbol("renameat2").map { unsafeBitCast($0, to: RenameAt2.self) }
    static let renameExchange: UInt32 = 2  // RENAME_EXCHANGE in <linux/fs.h>

    /// `copy_file_range`: the kernel copies between two files without the bytes passing through this process.
    static let copyFileRange: CopyFileRange? = symbol("copy_file_range").map { unsafeBitCast($0, to: CopyFileRange.self) }

    /// Gives the freed pages inside the heap back to the system (`malloc_trim`): glibc keeps them otherwise, and a
    /// step that frees much (a page's HTML once written) then leaves the process that much larger.
    public static func returnFreedMemory() {
        _ = mallocTrim?(0)
    }

    private static let mallocTrim: (@convention(c) (Int) -> Int32)? = symbol("malloc_trim").map {
        unsafeBitCast($0, to: (@convention(c) (Int) -> Int32).self)
    }

    private static func symbol(_ name: String) -> UnsafeMutableRawPointer? {
        dlsym(dlopen(nil, RTLD_NOW), name)
    }
}
