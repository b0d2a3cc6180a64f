namespace GapMonitor.Api.Ui;

/// <summary>What a console handler answers: an HTML page, or a redirect (after a form post, so reload does not post again).</summary>
public sealed record ConsoleAnswer(int Status, string? Html, string? Location = null, string? SetCookie = null)
{
    public static ConsoleAnswer Page(string html, int status = 200) => new(status, html);

    /// <summary>303 See Other: the browser follows with a GET.</summary>
    public static ConsoleAnswer Redirect(string location, string? setCookie = null) => new(303, null, location, setCookie);
}
