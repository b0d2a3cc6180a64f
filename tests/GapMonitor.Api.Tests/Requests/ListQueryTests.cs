using GapMonitor.Api.Requests;
using GapMonitor.Core.Ports;
using Microsoft.AspNetCore.Http;

namespace GapMonitor.Api.Tests.Requests;

/// <summary>The one parser of <c>limit</c> and <c>cursor</c> every list route uses.</summary>
public sealed class ListQueryTests
{
    [Fact]
    public void Read_WithoutParameters_IsTheFirstPageOfTheDefaultLimit()
    {
        var v = new Validation();

        var page = ListQuery.Read(Request(""), "alerts", v);

        Assert.True(v.IsValid);
        Assert.Equal(new PageRequest(PageRequest.DefaultLimit, null), page);
    }

    [Theory]
    [InlineData("?limit=1", 1)]
    [InlineData("?limit=1000", 1000)]
    [InlineData("?limit=42", 42)]
    public void Read_WithALimitInRange_TakesIt(string query, int limit)
    {
        var v = new Validation();

        Assert.Equal(limit, ListQuery.Read(Request(query), "alerts", v).Limit);
        Assert.True(v.IsValid);
    }

    [Theory]
    [InlineData("?limit=0")]
    [InlineData("?limit=1001")]
    [InlineData("?limit=abc")]
    [InlineData("?limit=+5")]
    [InlineData("?limit=%205")]
    [InlineData("?limit=1&limit=2")]
    public void Read_WithABadLimit_NamesLimit(string query)
    {
        var v = new Validation();

        ListQuery.Read(Request(query), "alerts", v);

        Assert.Contains("\"limit\"", Problem(v), StringComparison.Ordinal);
    }

    [Fact]
    public void Next_ReadBackByTheSameList_GivesTheContinuation_AndOnlyThatList()
    {
        var next = ListQuery.Next("alerts", "0638000000000000000|acme.1");
        var same = new Validation();
        var other = new Validation();

        Assert.NotNull(next);
        Assert.DoesNotContain("acme", next, StringComparison.Ordinal);
        Assert.Equal("0638000000000000000|acme.1", ListQuery.Read(Request("?cursor=" + next), "alerts", same).Continuation);
        Assert.True(same.IsValid);
        ListQuery.Read(Request("?cursor=" + next), "systems", other);
        Assert.Contains("\"cursor\"", Problem(other), StringComparison.Ordinal);
        Assert.Null(ListQuery.Next("alerts", null));
    }

    [Theory]
    [InlineData("?cursor=%%%")]
    [InlineData("?cursor=YWxlcnRz")]
    [InlineData("?cursor=YWxlcnRzOg")]
    [InlineData("?cursor=_w")]
    public void Read_WithAGarbageCursor_NamesCursor(string query)
    {
        var v = new Validation();

        ListQuery.Read(Request(query), "alerts", v);

        Assert.Contains("\"cursor\"", Problem(v), StringComparison.Ordinal);
    }

    private static HttpRequest Request(string query) => new DefaultHttpContext { Request = { QueryString = new QueryString(query) } }.Request;

    private static string Problem(Validation v) => v.ToProblem().Body ?? "";
}
