using System.Globalization;
using System.Text;
using GapMonitor.Cli.Drift;

namespace GapMonitor.Cli.Tests.Drift;

/// <summary>The fast path of <see cref="CsvColumnReader.ReadNumbers"/> reads every file it takes as the Sep loop does.</summary>
public sealed class Utf8CsvNumberReaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gapmonitor-csv-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("a,b,c\n1,2.5,-3e2\n4,,6\n")]
    [InlineData("a,b\r\n1,2\r\n\r\n3,4\r\n")]
    [InlineData("\uFEFFa,b\n1,2\n3,4")]
    [InlineData("a,b,c\n 1,NA,1e\n1.#IND,nan,-inf\n+1,.5,1.\n-0,1e400,1e-400\n12345678901234567890123,0.1,x\n")]
    [InlineData("a,b\n1,2\n\n\n3,4\n")]
    [InlineData("x,y\n1,None\n2,null\n3,#N/A\n4,-1.#QNAN\n")]
    [InlineData("x,y\n1,apple\n2,3\n")]
    public void ReadNumbers_GivesTheSepLoopsColumns(string content)
    {
        var path = Write(content);

        var fast = ReadFast(path);
        var sep = ReadWithSep(path);

        Assert.Equal(sep.Header, fast.Header);
        Assert.Equal(sep.Rows, fast.Rows);
        for (var c = 0; c < sep.Header.Length; c++)
        {
            Assert.Equal(sep.Columns[c].IsCategorical, fast.Columns[c].IsCategorical);
            if (!sep.Columns[c].IsCategorical)
            {
                Assert.Equal(Bits(sep.Columns[c].ToArray()), Bits(fast.Columns[c].ToArray()));
            }
        }
    }

    [Fact]
    public void ReadNumbers_OnABigFile_ParsesItsBlocksInPiecesAsSepDoes()
    {
        var random = new Random(5);
        var text = new StringBuilder("a,b,c\n");
        while (text.Length < 40 << 20)
        {
            text.Append(CultureInfo.InvariantCulture, $"{random.NextDouble() * 100 - 50:R},{random.Next(-5, 5)},{Math.Exp(random.NextDouble() * 50):R}\n");
            if (random.Next(1000) == 0)
            {
                text.Append("NA,,\n\n");
            }
        }

        var path = Write(text.ToString());

        var fast = ReadFast(path);
        var sep = ReadWithSep(path);

        Assert.Equal(sep.Rows, fast.Rows);
        for (var c = 0; c < 3; c++)
        {
            Assert.False(fast.Columns[c].IsCategorical);
            Assert.Equal(Bits(sep.Columns[c].ToArray()), Bits(fast.Columns[c].ToArray()));
        }
    }

    [Theory]
    [InlineData("a,b\n\"1\",2\n")]
    [InlineData("a,b\n1,2\r3,4\n")]
    [InlineData("a,b\n1,2\r")]
    [InlineData("a,b")]
    [InlineData("\na,b\n1,2\n")]
    public void TryRead_LeavesQuotedOrOddFilesToSep(string content)
    {
        var path = Write(content);
        using var stream = File.OpenRead(path);

        Assert.Null(Utf8CsvNumberReader.TryRead(path, stream, progress: null));
    }

    [Theory]
    [InlineData("a,b\n1,2\n3\n", "line 3: 1 fields")]
    [InlineData("a,b\n1,2\n\n3,4,5\n", "line 4: 3 fields")]
    public void ReadNumbers_WhenARowIsRagged_NamesTheLineAsSepDoes(string content, string expected)
    {
        var path = Write(content);

        var fast = Assert.Throws<DriftInputException>(() => ReadFast(path));
        var sep = Assert.Throws<DriftInputException>(() => ReadWithSep(path));

        Assert.Contains(expected, fast.Message, StringComparison.Ordinal);
        Assert.Equal(sep.Message, fast.Message);
    }

    private static (string[] Header, ColumnBuffer[] Columns, long Rows) ReadFast(string path)
    {
        using var stream = File.OpenRead(path);
        return Utf8CsvNumberReader.TryRead(path, stream, progress: null) ?? throw new InvalidOperationException("not taken");
    }

    private static (string[] Header, ColumnBuffer[] Columns, long Rows) ReadWithSep(string path)
    {
        using var stream = File.OpenRead(path);
        return CsvColumnReader.ReadNumbersWithSep(path, stream, progress: null);
    }

    private static long[] Bits(double[] values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();

    private string Write(string content)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }
}
