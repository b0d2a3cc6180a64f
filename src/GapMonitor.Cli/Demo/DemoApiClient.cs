using System.Net.Http.Headers;
using System.Text.Json;

namespace GapMonitor.Cli.Demo;

/// <summary>The demo talks to the service over HTTP, exactly as a user's client would.</summary>
internal sealed class DemoApiClient(HttpClient http)
{
    public async Task<JsonElement> SendAsync(HttpMethod method, string path, string key, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        }

        return string.IsNullOrEmpty(text) ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task PutCsvAsync(string path, string key, string csv, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = new StringContent(csv, System.Text.Encoding.UTF8, "text/csv") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"PUT {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    public Task<JsonElement> PostAsync(string path, string key, object? body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, path, key, body, cancellationToken);

    public Task<JsonElement> GetAsync(string path, string key, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, key, null, cancellationToken);

    /// <summary>What a person does with an action link: opens it (GET shows the page), then presses its one button (POST).</summary>
    public async Task SendFormAsync(string link, CancellationToken cancellationToken)
    {
        using (var page = await http.GetAsync(new Uri(link), cancellationToken))
        {
            page.EnsureSuccessStatusCode();
        }

        using var content = new FormUrlEncodedContent([]);
        using var done = await http.PostAsync(new Uri(link), content, cancellationToken);
        if (!done.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST of an action link answered {(int)done.StatusCode}.");
        }
    }
}
