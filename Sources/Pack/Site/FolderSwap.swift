import Foundation

/// Puts a staged folder where the published one is, so that at every instant the
/// destination holds either the whole old folder or the whole new one.
enum FolderSwap {
    /// Replaces `destination` by `staging`; returns where the old folder now lies (for the
    /// caller to remove), or nil when there was none. One `renameat2(RENAME_EXCHANGE)`
    /// swaps the two names atomically, leaving the old folder at `staging`.
    static func replace(_ destination: String, with staging: String) throws -> String? {
        guard let exchange = renameAt2 else { return try replaceByTwoRenames(destination, with: staging) }
        if exchange(AT_FDCWD, staging, AT_FDCWD, destination, renameExchange) == 0 { return staging }
        let code = errno
        switch code {
        case ENOENT where !DurableFiles.exists(destination):
            try DurableFiles.rename(staging, to: destination)
            return nil
        case EINVAL, ENOSYS, EOPNOTSUPP:
            return try replaceByTwoRenames(destination, with: staging)
        default:
            throw PackError.cannotWrite(destination, errno: code)
        }
    }

    /// The fallback for filesystems that cannot exchange two names (EINVAL, ENOSYS or
    /// EOPNOTSUPP: some network and FUSE filesystems): the old folder is renamed aside to
    /// `NAME.old-PID`, then the staging folder into place. Between the two renames the
    /// destination is missing; a build killed there leaves `NAME.old-PID`, which the next
    /// build renames back (`SitePublisher.removeLeftovers`).
    static func replaceByTwoRenames(_ destination: String, with staging: String) throws -> String? {
        guard DurableFiles.exists(destination) else {
            try DurableFiles.rename(staging, to: destination)
            return nil
        }
        let retired = SitePublisher.retiredName(of: destination, pid: getpid())
        try DurableFiles.rename(destination, to: retired)
        do {
            try DurableFiles.rename(staging, to: destination)
        } catch {
            _ = rename(retired, destination)
            throw error
        }
        return retired
    }

    /// `renameat2` from glibc 2.28 and later, looked up at run time: Swift's Glibc module
    /// does not export it, and `syscall` is variadic, which Swift cannot call. nil with an
    /// older C library, which then gets the two-rename fallback.
    private static let renameAt2 = dlsym(nil, "renameat2").map {
        unsafeBitCast($0, to: (@convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32).self)
    }

    /// RENAME_EXCHANGE from <linux/fs.h>.
    private static let renameExchange: UInt32 = 2
}
