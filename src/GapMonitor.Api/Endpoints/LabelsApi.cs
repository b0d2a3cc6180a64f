using GapMonitor.Api.Contracts;
using GapMonitor.Api.Pipeline;
using GapMonitor.Api.Requests;
using GapMonitor.Core.Performance;
using GapMonitor.Core.Systems;
using Microsoft.AspNetCore.Http;

namespace GapMonitor.Api.Endpoints;

/// <summary>Late ground truth: labels joined to the kept predictions by correlation id, idempotent by batch id.</summary>
public sealed class LabelsApi(ApiPipeline pipeline, SystemScope scope, LabelIngestion labels)
{
    /// <summary>The push's bound on batch ids, so a client uses one scheme for both.</summary>
    public const int MaxBatchId = 200;

    public Task<IResult> PostAsync(HttpContext http, string id, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.Signals, async (principal, cancellationToken) =>
    {
        var found = await scope.FindAsync(http, principal!, id, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound($"System '{id}'");
        }

        if (found.System.Performance is not { } settings)
        {
            return Problems.ConflictField("performance", "The system declares no model outputs: set its performance part (task, prediction, target…) before posting labels.");
        }

        var batchId = FirstNonEmpty(http.Request.Query["batchId"], http.Request.Headers["Batch-Id"]);
        if (batchId is null || batchId.Length > MaxBatchId)
        {
            return Problems.Validation("batchId", $"Required (query ?batchId= or header Batch-Id), 1–{MaxBatchId} characters: posting the same batch again changes nothing.");
        }

        var (batch, error) = await LabelBatchReader.ReadAsync(http.Request, settings.Task, pipeline.MaxRequestBytes, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var outcome = await labels.IngestAsync(found.System, batchId, batch!, cancellationToken);
        return ApiResponse.Json(StatusCodes.Status200OK, new LabelsAccepted(outcome.BatchId, outcome.Received, outcome.Matched, outcome.Unmatched, outcome.WindowsUpdated, outcome.Duplicate));
    }, cancellationToken);

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
