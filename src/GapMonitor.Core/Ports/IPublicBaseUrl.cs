namespace GapMonitor.Core.Ports;

/// <summary>The service's public address (<c>GapMonitor__PublicBaseUrl</c>), under which <c>/act/{token}</c> is served.</summary>
public interface IPublicBaseUrl
{
    /// <summary>Null when it is not known: notifications then carry no links.</summary>
    Uri? Get();
}
