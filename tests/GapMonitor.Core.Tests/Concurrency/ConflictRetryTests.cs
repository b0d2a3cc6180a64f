using GapMonitor.Core.Concurrency;

namespace GapMonitor.Core.Tests.Concurrency;

public sealed class ConflictRetryTests
{
    [Fact]
    public async Task Run_ReturnsTheFirstSuccess_WithoutRetrying()
    {
        var attempts = 0;

        var result = await ConflictRetry.RunAsync(() => Task.FromResult(++attempts));

        Assert.Equal(1, result);
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task Run_AfterConflicts_DecidesAgainAndReturnsTheLaterAttempt()
    {
        var attempts = 0;

        var result = await ConflictRetry.RunAsync(() => ++attempts < 3 ? throw new ConcurrencyConflictException() : Task.FromResult(attempts));

        Assert.Equal(3, result);
    }

    [Fact]
    public async Task Run_GivesUpAfterFiveConflicts_WithTheConflict()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            ConflictRetry.RunAsync<int>(() => { attempts++; throw new ConcurrencyConflictException(); }));

        Assert.Equal(5, attempts);
    }

    [Fact]
    public async Task Run_DoesNotRetryOtherFailures()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ConflictRetry.RunAsync<int>(() => { attempts++; throw new InvalidOperationException("storage said no"); }));

        Assert.Equal(1, attempts);
    }
}
