using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace GapMonitor.Api.Tests.Hosting;

/// <summary>
/// A raw HTTP/1.1 request whose chunked body sends <c>bytes</c> and then stalls without ending: a server that buffers the
/// whole body never answers it, one that enforces a streaming limit answers while the body is still open.
/// </summary>
internal static class StalledUpload
{
    /// <summary>The status code the server answered with while the body was open, or null when it gave none within <paramref name="patience"/>.</summary>
    public static async Task<int?> SendAsync(Uri server, string method, string path, string key, long bytes, TimeSpan patience, string? extraHeader = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        var head = $"{method} {path} HTTP/1.1\r\nHost: {server.Authority}\r\nAuthorization: Bearer {key}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n{(extraHeader is null ? "" : extraHeader + "\r\n")}\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        using var deadline = new CancellationTokenSource(patience);
        var reading = ReadStatusAsync(stream, deadline.Token);
        var chunk = Encoding.ASCII.GetBytes(new string(' ', 8192));
        try
        {
            for (long sent = 0; sent < bytes && !reading.IsCompleted; sent += chunk.Length)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes(chunk.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"), deadline.Token);
                await stream.WriteAsync(chunk, deadline.Token);
                await stream.WriteAsync("\r\n"u8.ToArray(), deadline.Token);
            }
        }
        catch (IOException)
        {
            // The server may close the connection once it has answered.
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        return await reading;
    }

    private static async Task<int?> ReadStatusAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[64];
        var line = new StringBuilder();
        try
        {
            while (!line.ToString().Contains('\n', StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer, cancellationToken);
                if (read == 0)
                {
                    return null;
                }

                line.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            return null;
        }

        return int.Parse(line.ToString().Split(' ')[1], CultureInfo.InvariantCulture);
    }
}
