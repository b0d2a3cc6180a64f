using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace GapMonitor.Testing;

/// <summary>
/// A loopback TCP proxy in front of a real server that can cut every open connection at once (reset, as a network
/// failure would), either on demand or on a seeded plan driven by traffic: after a random number of client→server
/// reads, all connections are cut — half the time before that read reaches the server (the request is lost), half
/// the time right after (the server may have acted on it, but its answer is lost). New connections are accepted,
/// except during an outage (<see cref="GoDown"/>), which ends after a given number of refused connections.
/// </summary>
public sealed class CuttableTcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<int, (Socket Client, Socket Server)> _connections = new();
    private readonly Lock _plan = new();
    private readonly Task _acceptLoop;
    private int _nextConnectionId;
    private long _reads;
    private Random? _random;
    private int _cutsPlanned;
    private int _minReads;
    private int _maxReads;
    private long _nextCutAt = long.MaxValue;
    private int _cuts;
    private int _connectionsToRefuse;

    private CuttableTcpProxy(IPEndPoint target)
    {
        _target = target;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    /// <summary>How many times every connection was cut.</summary>
    public int Cuts => Volatile.Read(ref _cuts);

    /// <summary>Client→server reads forwarded so far (the progress the cut plan is driven by).</summary>
    public long Reads => Interlocked.Read(ref _reads);

    public static CuttableTcpProxy Start(IPEndPoint target) => new(target);

    /// <summary>Cuts all connections <paramref name="times"/> times, each after <paramref name="minReads"/> to <paramref name="maxReads"/> more reads.</summary>
    public void CutOnTraffic(Random random, int times, int minReads, int maxReads)
    {
        lock (_plan)
        {
            _random = random;
            _cutsPlanned = times;
            _minReads = minReads;
            _maxReads = maxReads;
            _nextCutAt = Reads + random.Next(minReads, maxReads + 1);
        }
    }

    /// <summary>An outage: resets every open connection now and the next <paramref name="connections"/> new ones as they arrive.</summary>
    public void GoDown(int connections)
    {
        Volatile.Write(ref _connectionsToRefuse, connections);
        CutAll();
    }

    /// <summary>Resets every open connection now.</summary>
    public void CutAll()
    {
        Interlocked.Increment(ref _cuts);
        foreach (var id in _connections.Keys)
        {
            if (_connections.TryRemove(id, out var pair))
            {
                Reset(pair.Client);
                Reset(pair.Server);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        foreach (var id in _connections.Keys)
        {
            if (_connections.TryRemove(id, out var pair))
            {
                pair.Client.Dispose();
                pair.Server.Dispose();
            }
        }

        _stopping.Dispose();
    }

    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(enable: true, seconds: 0);
            socket.Close();
        }
        catch (ObjectDisposedException)
        {
            // Already gone.
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(Socket client)
    {
        if (Interlocked.Decrement(ref _connectionsToRefuse) >= 0)
        {
            Reset(client);
            return;
        }

        Interlocked.Exchange(ref _connectionsToRefuse, 0);
        var server = new Socket(_target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await server.ConnectAsync(_target, _stopping.Token);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            Reset(client);
            server.Dispose();
            return;
        }

        var id = Interlocked.Increment(ref _nextConnectionId);
        _connections[id] = (client, server);
        await Task.WhenAll(PumpAsync(client, server, countsTowardsCuts: true), PumpAsync(server, client, countsTowardsCuts: false));
        if (_connections.TryRemove(id, out _))
        {
            client.Dispose();
            server.Dispose();
        }
    }

    private async Task PumpAsync(Socket from, Socket to, bool countsTowardsCuts)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, _stopping.Token);
                if (read == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                var cut = countsTowardsCuts ? CutDecision() : CutMoment.None;
                if (cut == CutMoment.BeforeForwarding)
                {
                    CutAll();
                    return;
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stopping.Token);
                if (cut == CutMoment.AfterForwarding)
                {
                    CutAll();
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Cut, reset by the other side, or stopping.
        }
    }

    private CutMoment CutDecision()
    {
        var reads = Interlocked.Increment(ref _reads);
        lock (_plan)
        {
            if (_random is null || reads < _nextCutAt || _cutsPlanned == 0)
            {
                return CutMoment.None;
            }

            _cutsPlanned--;
            _nextCutAt = _cutsPlanned == 0 ? long.MaxValue : reads + _random.Next(_minReads, _maxReads + 1);
            return _random.Next(2) == 0 ? CutMoment.BeforeForwarding : CutMoment.AfterForwarding;
        }
    }

    private enum CutMoment
    {
        None,
        BeforeForwarding,
        AfterForwarding,
    }
}
