using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace GapMonitor.Testing;

/// <summary>
/// A real HTTP webhook receiver on a loopback port (<see cref="HttpListener"/>). It records every request and
/// checks its Standard Webhooks signature with its own implementation (not the product's), then answers
/// 204, or <see cref="FailureStatus"/> for the first <see cref="FailFirst"/> requests, or what <see cref="Responder"/> says.
/// A request is recorded before it is answered, so once a sender has its response the request is in <see cref="Requests"/>.
/// </summary>
public sealed class TestWebhookReceiver : IAsyncDisposable
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
    private readonly HttpListener _listener;
    private readonly TimeProvider _timeProvider;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly List<ReceivedWebhook> _requests = [];
    private readonly Task _acceptLoop;
    private TaskCompletionSource _requestArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private TestWebhookReceiver(HttpListener listener, int port, string path, string secret, TimeProvider timeProvider)
    {
        _listener = listener;
        _timeProvider = timeProvider;
        Url = new Uri($"http://127.0.0.1:{port}{path}");
        Port = port;
        Secret = secret;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public Uri Url { get; }

    public int Port { get; }

    /// <summary>The <c>whsec_</c> secret this receiver verifies with.</summary>
    public string Secret { get; }

    /// <summary>How many of the first requests are answered with <see cref="FailureStatus"/>.</summary>
    public int FailFirst { get; set; }

    public HttpStatusCode FailureStatus { get; set; } = HttpStatusCode.InternalServerError;

    /// <summary>Overrides the answer; the token is cancelled when the receiver is disposed.</summary>
    public Func<ReceivedWebhook, CancellationToken, Task<WebhookReply>>? Responder { get; set; }

    public IReadOnlyList<ReceivedWebhook> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <param name="secret">Defaults to a new random secret.</param>
    /// <param name="timeProvider">The clock of the timestamp check; pass the sender's fake clock.</param>
    /// <param name="port">A fixed port (e.g. one a sender already failed to reach: the receiver "comes back"); 0 picks a free one.</param>
    public static TestWebhookReceiver Start(string? secret = null, TimeProvider? timeProvider = null, string path = "/webhook", int port = 0)
    {
        for (var attempt = 1; ; attempt++)
        {
            var listenOn = port == 0 ? FreeTcpPort.Next() : port;
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{listenOn}/");
            listener.Prefixes.Add($"http://localhost:{listenOn}/");
            try
            {
                listener.Start();
                return new TestWebhookReceiver(listener, listenOn, path, secret ?? NewSecret(), timeProvider ?? TimeProvider.System);
            }
            catch (HttpListenerException) when (attempt < 5 && port == 0)
            {
                listener.Close();
            }
        }
    }

    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));

    /// <summary>Waits until request number <paramref name="number"/> has arrived (no sleeping: it is signalled).</summary>
    public async Task<ReceivedWebhook> WaitForRequestAsync(int number = 1, TimeSpan? timeout = null)
    {
        using var timeoutSource = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                if (_requests.Count >= number)
                {
                    return _requests[number - 1];
                }

                arrived = _requestArrived.Task;
            }

            await arrived.WaitAsync(timeoutSource.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Close();
        await _acceptLoop;
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            string body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync();
            }

            var headers = context.Request.Headers.AllKeys
                .Where(name => name is not null)
                .ToDictionary(name => name!, name => context.Request.Headers[name] ?? string.Empty, StringComparer.OrdinalIgnoreCase);
            var signatureFailure = CheckSignature(headers, body);

            ReceivedWebhook received;
            TaskCompletionSource arrived;
            lock (_gate)
            {
                received = new ReceivedWebhook(_requests.Count + 1, context.Request.HttpMethod, context.Request.Url?.AbsolutePath ?? "/",
                    headers, body, signatureFailure is null, signatureFailure);
                _requests.Add(received);
                arrived = _requestArrived;
                _requestArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            arrived.TrySetResult();
            var reply = Responder is { } responder
                ? await responder(received, _stopping.Token)
                : received.Number <= FailFirst ? new WebhookReply(FailureStatus) : WebhookReply.NoContent;
            await WriteAsync(context.Response, reply);
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            // The receiver was disposed or the client went away.
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, WebhookReply reply)
    {
        response.StatusCode = (int)reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            response.Headers[name] = value;
        }

        if (reply.Body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(reply.Body);
            response.ContentType = "text/plain; charset=utf-8";
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
        }

        response.Close();
    }

    /// <summary>Standard Webhooks verification, written independently of the product's verifier. Null when valid.</summary>
    private string? CheckSignature(Dictionary<string, string> headers, string body)
    {
        if (!headers.TryGetValue("webhook-id", out var id) || !headers.TryGetValue("webhook-timestamp", out var timestamp)
            || !headers.TryGetValue("webhook-signature", out var signatures))
        {
            return "missing webhook-id, webhook-timestamp or webhook-signature";
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return "webhook-timestamp is not Unix seconds";
        }

        if (Math.Abs(_timeProvider.GetUtcNow().ToUnixTimeSeconds() - seconds) > Tolerance.TotalSeconds)
        {
            return "webhook-timestamp outside the tolerance";
        }

        using var hmac = new HMACSHA256(Convert.FromBase64String(Secret["whsec_".Length..]));
        var expected = Encoding.ASCII.GetBytes("v1," + Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"))));
        var matches = signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(candidate => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(candidate), expected));
        return matches ? null : "no matching v1 signature";
    }
}
