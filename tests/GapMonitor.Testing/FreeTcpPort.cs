using System.Net;
using System.Net.Sockets;

namespace GapMonitor.Testing;

public static class FreeTcpPort
{
    /// <summary>A loopback port nothing listens on right now (also usable as a "server is down" target).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
