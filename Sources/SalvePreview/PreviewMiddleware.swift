// The two answers FileMiddleware does not give: refusing encoded path separators, and the site's own 404 page.
import Foundation
import Hummingbird

/// `%2f` and `%5c` decode to separators after routing has looked at the path: nothing in a generated site needs
/// them, so they are refused outright rather than trusted to later checks.
struct RefuseEncodedSeparators<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path.lowercased()
        guard !path.contains("%2f"), !path.contains("%5c"), !path.contains("%00"), !path.contains("\\") else {
            throw HTTPError(.badRequest, message: "encoded path separators are not allowed")
        }
        return try await next(request, context)
    }
}

/// Answers every miss with the site's 404.html and status 404, as a static host would. Before the first good
/// build there is no 404.html yet: a bare page that still carries the live reload script (and so the errors).
struct NotFoundPage<Context: RequestContext>: RouterMiddleware {
    let files: PreviewFiles

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            let response = try await next(request, context)
            guard response.status == .notFound else { return response }
        } catch let error as HTTPResponseError where error.status == .notFound {}
        let bytes = files.read("/404.html")?.pageBytes
            ?? LiveReload.inject(into: Array("<!doctype html><title>Not found</title><body><h1>Not found</h1></body>".utf8))
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        return Response(status: .notFound, headers: headers,
                        body: request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
