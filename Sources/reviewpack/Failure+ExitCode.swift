import ArgumentParser

extension PackBuild.Failure {
    /// The message and exit code a command ends with.
    var exit: ExitCode {
        switch self {
        case .data(let m): return fail(m, .dataError)
        case .noInput(let m): return fail(m, .noInput)
        case .unavailable(let m): return fail(m, .unavailable)
        case .config(let m): return fail(m, .configError)
        case .output(let m): return fail(m, .cannotCreate)
        case .stopped(let m, let signal): return fail(m, .stopped(by: signal))
        }
    }
}
