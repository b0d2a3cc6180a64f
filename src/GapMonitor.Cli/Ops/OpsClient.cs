using System.Net.Http.Headers;
using System.Text.Json;

namespace GapMonitor.Cli.Ops;

/// <summary>
/// The ops commands' one way to the API: <c>Authorization: Bearer</c>, a timeout, JSON in and out. An error status
/// becomes <see cref="OpsApiException"/>, no answer at all <see cref="OpsUnreachableException"/>. The key never
/// appears in a message.
/// </summary>
internal sealed class OpsClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _key;

    public OpsClient(Uri baseAddress, string key, OpsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _http = context.Handler is null ? new HttpClient() : new HttpClient(context.Handler, disposeHandler: false);
        _http.BaseAddress = baseAddress;
        _http.Timeout = OpsContext.Timeout;
        _key = key;
        PageSize = context.PageSize;
    }

    public int PageSize { get; }

    public Uri BaseAddress => _http.BaseAddress!;

    public Task<JsonElement> GetAsync(string pathAndQuery, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, pathAndQuery, body: null, cancellationToken);

    public Task<JsonElement> PostAsync(string path, object body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, path, body, cancellationToken);

    private async Task<JsonElement> SendAsync(HttpMethod method, string pathAndQuery, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(pathAndQuery, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _key);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: OpsJson.Request);
        }

        string text;
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken);
            text = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new OpsUnreachableException($"Cannot reach {BaseAddress}: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new OpsUnreachableException($"{BaseAddress} did not answer within {OpsContext.Timeout.TotalSeconds:0} s.", e);
        }

        using (response)
        {
            var json = Parse(text);
            if (!response.IsSuccessStatusCode)
            {
                throw new OpsApiException((int)response.StatusCode, json, text);
            }

            return json ?? default;
        }
    }

    private static JsonElement? Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Dispose() => _http.Dispose();
}
