using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace GapMonitor.Api.Pipeline;

/// <summary>
/// The request body limit of both hosts, enforced while the body streams in: reading past it (or a Content-Length over
/// it) throws a 413 <see cref="BadHttpRequestException"/> before more than the limit is ever read. It stands in for the
/// host's <see cref="IHttpMaxRequestBodySizeFeature"/>, so a route that allows more (reference uploads) raises both.
/// </summary>
internal sealed class RequestBodyLimit : Stream, IHttpMaxRequestBodySizeFeature
{
    private readonly Stream _inner;
    private readonly HttpRequest _request;
    private readonly IHttpMaxRequestBodySizeFeature? _host;
    private long? _limit;
    private long _read;

    private RequestBodyLimit(HttpRequest request, long limit, IHttpMaxRequestBodySizeFeature? host)
    {
        _inner = request.Body;
        _request = request;
        _limit = limit;
        _host = host;
    }

    public bool IsReadOnly => _read > 0;

    public long? MaxRequestBodySize
    {
        get => _limit;
        set
        {
            if (IsReadOnly)
            {
                throw new InvalidOperationException("The body is already being read.");
            }

            _limit = value;
            if (_host is { IsReadOnly: false })
            {
                _host.MaxRequestBodySize = value;
            }
        }
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _read; set => throw new NotSupportedException(); }

    /// <summary>Puts the limit in front of <paramref name="http"/>'s body.</summary>
    public static void Apply(HttpContext http, long limit)
    {
        ArgumentNullException.ThrowIfNull(http);
        var body = new RequestBodyLimit(http.Request, limit, http.Features.Get<IHttpMaxRequestBodySizeFeature>());
        http.Features.Set<IHttpMaxRequestBodySizeFeature>(body);
        http.Request.Body = body;
    }

    public override int Read(byte[] buffer, int offset, int count) => Counted(_inner.Read(buffer, offset, Allowed(count)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Counted(await _inner.ReadAsync(buffer[..Allowed(buffer.Length)], cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>How much the next read may ask for: never more than one byte past the limit, enough to see it is exceeded.</summary>
    private int Allowed(int count)
    {
        if (_limit is not { } limit)
        {
            return count;
        }

        if (_read == 0 && _request.ContentLength > limit)
        {
            throw TooLarge();
        }

        return (int)Math.Max(1, Math.Min(count, limit + 1 - _read));
    }

    private int Counted(int read)
    {
        _read += read;
        if (_read > _limit)
        {
            throw TooLarge();
        }

        return read;
    }

    private static BadHttpRequestException TooLarge() => new("The request body is over the limit.", StatusCodes.Status413PayloadTooLarge);
}
