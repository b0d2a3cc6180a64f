using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpServerHost = SmtpServer.SmtpServer;

namespace GapMonitor.Testing;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free loopback port, in process. It collects every message
/// it accepts, parsed with MimeKit, and rejects RCPT TO with 550 for addresses in <see cref="RejectedRecipients"/> and defers it with 450 for those in <see cref="DeferredRecipients"/>.
/// With a certificate it offers STARTTLS and AUTH only after it; without one, AUTH in clear (to prove a client never uses it).
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly List<MimeMessage> _messages = [];
    private TaskCompletionSource _messageArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SmtpServerHost? _server;
    private Task _running = Task.CompletedTask;
    private int _authenticationAttempts;

    private TestSmtpServer()
    {
    }

    public string Host => "127.0.0.1";

    public int Port { get; private set; }

    /// <summary>How many AUTH commands carried credentials to this server, right or wrong.</summary>
    public int AuthenticationAttempts => Volatile.Read(ref _authenticationAttempts);

    /// <summary>Recipients answered with "550 mailbox unavailable" (case-insensitive).</summary>
    public ConcurrentDictionary<string, bool> RejectedRecipients { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Recipients answered with "450 mailbox busy, try again later" (case-insensitive).</summary>
    public ConcurrentDictionary<string, bool> DeferredRecipients { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<MimeMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    /// <param name="credentials">When given, AUTH with exactly these is required (allowed without TLS unless a certificate is given).</param>
    /// <param name="certificate">When given, STARTTLS is offered with it and AUTH is allowed only after it.</param>
    /// <param name="port">A fixed loopback port (e.g. the one a stopped server had); 0 picks a free one.</param>
    public static async Task<TestSmtpServer> StartAsync((string UserName, string Password)? credentials = null, X509Certificate2? certificate = null, int port = 0)
    {
        var server = new TestSmtpServer();
        await server.StartCoreAsync(credentials, certificate, port);
        return server;
    }

    /// <summary>Waits until message number <paramref name="number"/> has been accepted (signalled, no sleeping).</summary>
    public async Task<MimeMessage> WaitForMessageAsync(int number = 1, TimeSpan? timeout = null)
    {
        using var timeoutSource = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                if (_messages.Count >= number)
                {
                    return _messages[number - 1];
                }

                arrived = _messageArrived.Task;
            }

            await arrived.WaitAsync(timeoutSource.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _server?.Shutdown();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopping is cancelling.
        }

        _stopping.Dispose();
        foreach (var message in Messages)
        {
            message.Dispose();
        }
    }

    private async Task StartCoreAsync((string UserName, string Password)? credentials, X509Certificate2? certificate, int port)
    {
        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, e) => started.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);

        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint =>
            {
                endpoint
                    .Endpoint(new IPEndPoint(IPAddress.Loopback, port))
                    .AuthenticationRequired(credentials is not null)
                    .AllowUnsecureAuthentication(credentials is not null && certificate is null);
                if (certificate is not null)
                {
                    endpoint.Certificate(certificate);
                }
            })
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new CollectingStore(this));
        services.Add(new RejectingFilter(this));
        if (credentials is { } expected)
        {
            services.Add(new DelegatingUserAuthenticator((_, user, password) =>
            {
                Interlocked.Increment(ref _authenticationAttempts);
                return user == expected.UserName && password == expected.Password;
            }));
        }

        _server = new SmtpServerHost(options, services);
        _running = _server.StartAsync(_stopping.Token);
        Port = await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private void Add(MimeMessage message)
    {
        TaskCompletionSource arrived;
        lock (_gate)
        {
            _messages.Add(message);
            arrived = _messageArrived;
            _messageArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrived.TrySetResult();
    }

    private sealed class CollectingStore(TestSmtpServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            owner.Add(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }

    private sealed class RejectingFilter(TestSmtpServer owner) : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            owner.DeferredRecipients.ContainsKey(to.AsAddress())
                ? throw new SmtpResponseException(new SmtpResponse((SmtpReplyCode)450, "mailbox busy, try again later"))
                : Task.FromResult(!owner.RejectedRecipients.ContainsKey(to.AsAddress()));
    }
}
