namespace GapMonitor.Web.Layout;

/// <summary>Names the console's forms share with the handlers that read them.</summary>
public static class ConsoleForms
{
    /// <summary>The hidden anti-forgery field of every POST form of a signed-in page.</summary>
    public const string TokenField = "_form_token";

    /// <summary>The sign-in form's key field.</summary>
    public const string KeyField = "key";

    /// <summary>Where to go after signing in (a local path only).</summary>
    public const string NextField = "next";
}
