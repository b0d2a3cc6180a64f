namespace GapMonitor.Drift.Statistics;

/// <summary>
/// Survival function of the two-sided one-sample Kolmogorov–Smirnov statistic D_n, equal to
/// <c>scipy.stats.kstwo.sf</c> of scipy 1.10 (<c>_kolmogn</c> in <c>scipy/stats/_ksstats.py</c>: the
/// Simard–L'Ecuyer choice between Ruben–Gambino, Durbin/MTW, Pomeranz, Pelz–Good and 2·smirnov).
/// </summary>
internal static class KolmogorovDistribution
{
    private const double MinLog = -708;
    private static readonly double LogTwoPi = Math.Log(2 * Math.PI);
    private static readonly double[] StirlingCoefficients =
    [
        -2.955065359477124183e-2, 6.4102564102564102564e-3,
        -1.9175269175269175269e-3, 8.4175084175084175084e-4,
        -5.952380952380952381e-4, 7.9365079365079365079e-4,
        -2.7777777777777777778e-3, 8.3333333333333333333e-2,
    ];

    /// <summary><c>kstwo.sf(x, n)</c>, including rv_continuous' support handling (x ≤ 1/(2n) → 1).</summary>
    public static double TwoSidedSf(double x, double n)
    {
        if (double.IsNaN(x) || double.IsNaN(n) || n < 1 || n != Math.Round(n))
        {
            return double.NaN;
        }

        if (x <= 0.5 / n)
        {
            return 1.0;
        }

        if (x >= 1.0)
        {
            return 0.0;
        }

        return Math.Clamp(Kolmogn((long)n, x, cdf: false), 0.0, 1.0);
    }

    /// <summary><c>_kolmogn(n, x, cdf)</c>.</summary>
    internal static double Kolmogn(long n, double x, bool cdf)
    {
        if (n <= 0)
        {
            return double.NaN;
        }

        if (x >= 1.0)
        {
            return Select(1.0, 0.0, cdf);
        }

        if (x <= 0.0)
        {
            return Select(0.0, 1.0, cdf);
        }

        var t = n * x;
        if (t <= 1.0)
        {
            if (t <= 0.5)
            {
                return Select(0.0, 1.0, cdf);
            }

            double prob;
            if (n <= 140)
            {
                prob = 1.0;
                var factor = 2 * t - 1;
                for (long i = 1; i <= n; i++)
                {
                    prob *= i * (1.0 / n) * factor;
                }
            }
            else
            {
                prob = Math.Exp(LogNFactorialDivNPowN(n) + (n * Math.Log((2 * t) - 1)));
            }

            return Select(prob, 1.0 - prob, cdf);
        }

        if (t >= n - 1)
        {
            var prob = 2 * Math.Pow(1.0 - x, n);
            return Select(1 - prob, prob, cdf);
        }

        if (x >= 0.5)
        {
            var prob = 2 * Smirnov.Sf(n, x);
            return Select(1.0 - prob, prob, cdf);
        }

        var nxSquared = t * x;
        if (n <= 140)
        {
            if (nxSquared <= 0.754693)
            {
                var p = DurbinMatrixCdf(n, x);
                return Select(p, 1.0 - p, cdf);
            }

            if (nxSquared <= 4)
            {
                var p = PomeranzCdf(n, x);
                return Select(p, 1.0 - p, cdf);
            }

            var prob = 2 * Smirnov.Sf(n, x);
            return Select(1.0 - prob, prob, cdf);
        }

        if (!cdf)
        {
            if (nxSquared >= 370.0)
            {
                return 0.0;
            }

            if (nxSquared >= 2.2)
            {
                return Math.Clamp(2 * Smirnov.Sf(n, x), 0.0, 1.0);
            }
        }

        double cdfProb;
        if (nxSquared >= 18.0)
        {
            cdfProb = 1.0;
        }
        else if (n <= 100000 && n * Math.Pow(x, 1.5) <= 1.4)
        {
            cdfProb = DurbinMatrixCdf(n, x);
        }
        else
        {
            cdfProb = PelzGoodCdf(n, x);
        }

        return Select(cdfProb, 1.0 - cdfProb, cdf);
    }

    private static double Select(double cdfProb, double sfProb, bool cdf) => Math.Clamp(cdf ? cdfProb : sfProb, 0.0, 1.0);

    private static double LogNFactorialDivNPowN(long n)
    {
        var rn = 1.0 / n;
        return (Math.Log(n) / 2) - n + (LogTwoPi / 2) + (rn * PolyVal(StirlingCoefficients, rn / n));
    }

    private static double PolyVal(double[] coefficients, double x)
    {
        var y = 0.0;
        foreach (var c in coefficients)
        {
            y = (y * x) + c;
        }

        return y;
    }

    /// <summary>Durbin's matrix algorithm as organised by Marsaglia, Tsang and Wang (<c>_kolmogn_DMTW</c>).</summary>
    internal static double DurbinMatrixCdf(long n, double d)
    {
        if (d >= 1.0)
        {
            return 1.0;
        }

        var nd = n * d;
        if (nd <= 0.5)
        {
            return 0.0;
        }

        var k = (int)Math.Ceiling(nd);
        var h = k - nd;
        var m = (2 * k) - 1;
        var v = new double[m];
        var w = new double[m];
        var fac = 1.0;
        for (var j = 1; j <= m; j++)
        {
            v[j - 1] = 1.0 - Math.Pow(h, j);
            w[j - 1] = fac;
            fac /= j;
            v[j - 1] *= fac;
        }

        var tt = Math.Pow(Math.Max((2 * h) - 1.0, 0), m) - (2 * Math.Pow(h, m));
        v[m - 1] = (1.0 + tt) * fac;

        var hm = new double[m * m];
        for (var i = 1; i < m; i++)
        {
            for (var r = i - 1; r < m; r++)
            {
                hm[(r * m) + i] = w[r - (i - 1)];
            }
        }

        for (var r = 0; r < m; r++)
        {
            hm[r * m] = v[r];
        }

        for (var c = 0; c < m; c++)
        {
            hm[((m - 1) * m) + c] = v[m - 1 - c];
        }

        var power = new double[m * m];
        for (var i = 0; i < m; i++)
        {
            power[(i * m) + i] = 1.0;
        }

        var scratch = new double[m * m];
        var nn = n;
        var exponent = 0;
        var hExponent = 0;
        const int e128 = 128;
        var ep128 = Math.ScaleB(1.0, e128);
        var em128 = Math.ScaleB(1.0, -e128);
        while (nn > 0)
        {
            if (nn % 2 == 1)
            {
                Multiply(power, hm, scratch, m);
                (power, scratch) = (scratch, power);
                exponent += hExponent;
            }

            Multiply(hm, hm, scratch, m);
            (hm, scratch) = (scratch, hm);
            hExponent *= 2;
            if (Math.Abs(hm[((k - 1) * m) + k - 1]) > ep128)
            {
                for (var i = 0; i < hm.Length; i++)
                {
                    hm[i] /= ep128;
                }

                hExponent += e128;
            }

            nn /= 2;
        }

        var p = power[((k - 1) * m) + k - 1];
        for (long i = 1; i <= n; i++)
        {
            p = i * p / n;
            if (Math.Abs(p) < em128)
            {
                p *= ep128;
                exponent -= e128;
            }
        }

        if (exponent != 0)
        {
            p = Math.ScaleB(p, exponent);
        }

        return Math.Clamp(p, 0.0, 1.0);
    }

    private static void Multiply(double[] a, double[] b, double[] result, int m)
    {
        Array.Clear(result);
        for (var i = 0; i < m; i++)
        {
            for (var l = 0; l < m; l++)
            {
                var ail = a[(i * m) + l];
                if (ail == 0)
                {
                    continue;
                }

                var rowB = l * m;
                var rowR = i * m;
                for (var j = 0; j < m; j++)
                {
                    result[rowR + j] += ail * b[rowB + j];
                }
            }
        }
    }

    /// <summary>Pomeranz's recursion (<c>_kolmogn_Pomeranz</c>).</summary>
    internal static double PomeranzCdf(long n, double x)
    {
        var t = n * x;
        var ll = (long)Math.Floor(t);
        var f = t - ll;
        var g = Math.Min(f, 1.0 - f);
        var ceilf = f > 0 ? 1 : 0;
        var roundf = f > 0.5 ? 1 : 0;
        var npwrs = (int)(2 * (ll + 1));
        var gpower = new double[npwrs];
        var twogpower = new double[npwrs];
        var onem2gpower = new double[npwrs];
        gpower[0] = twogpower[0] = onem2gpower[0] = 1.0;
        double gOverN = g / n, twoGOverN = 2 * g / n, oneMinusTwoGOverN = (1 - (2 * g)) / n;
        for (var m = 1; m < npwrs; m++)
        {
            gpower[m] = gpower[m - 1] * gOverN / m;
            twogpower[m] = twogpower[m - 1] * twoGOverN / m;
            onem2gpower[m] = onem2gpower[m - 1] * oneMinusTwoGOverN / m;
        }

        const int e128 = 128;
        var ep128 = Math.ScaleB(1.0, e128);
        var em128 = Math.ScaleB(1.0, -e128);
        var exponent = 0;
        var v0 = new double[npwrs];
        var v1 = new double[npwrs];
        v1[0] = 1;
        long v0s = 0, v1s = 0;
        var (j1, j2) = PomeranzBounds(0, n, ll, ceilf, roundf);
        var conv = new double[Math.Max(2 * npwrs, n + 2)];
        for (long i = 1; i < (2 * n) + 2; i++)
        {
            var k1 = j1;
            (v0, v1) = (v1, v0);
            (v0s, v1s) = (v1s, v0s);
            Array.Clear(v1);
            (j1, j2) = PomeranzBounds(i, n, ll, ceilf, roundf);
            var pwrs = i == 1 || i == (2 * n) + 1 ? gpower : (i % 2 == 1 ? twogpower : onem2gpower);
            var ln2 = j2 - k1 + 1;
            if (ln2 > 0)
            {
                // np.convolve(V0[k1 - V0s : k1 - V0s + ln2], pwrs[:ln2]), of which entries [j1-k1, j2-k1] are kept.
                var start = (int)(k1 - v0s);
                var len = (int)ln2;
                var available = Math.Max(0, Math.Min(len, npwrs - start));
                var kernelLength = Math.Min(len, npwrs);
                var convStart = (int)(j1 - k1);
                var convLen = (int)(j2 - j1 + 1);
                for (var c = 0; c < convLen; c++)
                {
                    var idx = convStart + c;
                    var sum = 0.0;
                    var lo = Math.Max(0, idx - (kernelLength - 1));
                    var hi = Math.Min(idx, available - 1);
                    for (var a = lo; a <= hi; a++)
                    {
                        sum += v0[start + a] * pwrs[idx - a];
                    }

                    conv[c] = sum;
                }

                var max = 0.0;
                for (var c = 0; c < convLen; c++)
                {
                    v1[c] = conv[c];
                    max = Math.Max(max, conv[c]);
                }

                if (max > 0 && max < em128)
                {
                    for (var c = 0; c < v1.Length; c++)
                    {
                        v1[c] *= ep128;
                    }

                    exponent -= e128;
                }

                v1s = v0s + j1 - k1;
            }
        }

        var ans = v1[n - v1s];
        for (long m = 1; m <= n; m++)
        {
            if (Math.Abs(ans) > ep128)
            {
                ans *= em128;
                exponent += e128;
            }

            ans *= m;
        }

        if (exponent != 0)
        {
            ans = Math.ScaleB(ans, exponent);
        }

        return Math.Clamp(ans, 0.0, 1.0);
    }

    private static (long J1, long J2) PomeranzBounds(long i, long n, long ll, int ceilf, int roundf)
    {
        long j1, j2;
        if (i == 0)
        {
            j1 = -ll - ceilf - 1;
            j2 = ll + ceilf - 1;
        }
        else
        {
            var ip1div2 = (i + 1) / 2;
            var ip1mod2 = (i + 1) % 2;
            if (ip1mod2 == 0)
            {
                if (ip1div2 == n + 1)
                {
                    j1 = n - ll - ceilf - 1;
                    j2 = n + ll + ceilf - 1;
                }
                else
                {
                    j1 = ip1div2 - 1 - ll - roundf - 1;
                    j2 = ip1div2 + ll - 1 + ceilf - 1;
                }
            }
            else
            {
                j1 = ip1div2 - 1 - ll - 1;
                j2 = ip1div2 + ll + roundf - 1;
            }
        }

        return (Math.Max(j1 + 2, 0), Math.Min(j2, n));
    }

    /// <summary>Pelz–Good asymptotic series (<c>_kolmogn_PelzGood</c>).</summary>
    internal static double PelzGoodCdf(long n, double x)
    {
        if (x <= 0.0)
        {
            return 0.0;
        }

        if (x >= 1.0)
        {
            return 1.0;
        }

        const double piSquared = Math.PI * Math.PI;
        const double piFour = piSquared * piSquared;
        const double piSix = piFour * piSquared;
        var sqrt2Pi = Math.Sqrt(2 * Math.PI);
        var z = Math.Sqrt(n) * x;
        double zsquared = z * z, zthree = z * z * z, zfour = Math.Pow(z, 4), zsix = Math.Pow(z, 6);
        var qlog = -piSquared / 8 / zsquared;
        if (qlog < MinLog)
        {
            return 0.0;
        }

        var q = Math.Exp(qlog);
        var k1a = -zsquared;
        var k1b = piSquared / 4;
        var k2a = (6 * zsix) + (2 * zfour);
        var k2b = ((2 * zfour) - (5 * zsquared)) * piSquared / 4;
        var k2c = piFour * (1 - (2 * zsquared)) / 16;
        var k3d = piSix * (5 - (30 * zsquared)) / 64;
        var k3c = piFour * ((-60 * zsquared) + (212 * zfour)) / 16;
        var k3b = piSquared * ((135 * zfour) - (96 * zsix)) / 4;
        var k3a = (-30 * zsix) - (90 * Math.Pow(z, 8));

        Span<double> k = stackalloc double[4];
        var maxk = (int)Math.Ceiling(16 * z / Math.PI);
        for (var kk = maxk; kk > 0; kk--)
        {
            double m = (2 * kk) - 1;
            double msquared = m * m, mfour = Math.Pow(m, 4), msix = Math.Pow(m, 6);
            var qpower = Math.Pow(q, 8 * kk);
            k[0] = (k[0] * qpower) + 1.0;
            k[1] = (k[1] * qpower) + k1a + (k1b * msquared);
            k[2] = (k[2] * qpower) + k2a + (k2b * msquared) + (k2c * mfour);
            k[3] = (k[3] * qpower) + k3a + (k3b * msquared) + (k3c * mfour) + (k3d * msix);
        }

        double[] divisors = [z, 6 * zfour, 72 * Math.Pow(z, 7), 6480 * Math.Pow(z, 10)];
        for (var i = 0; i < 4; i++)
        {
            k[i] = k[i] * q * sqrt2Pi / divisors[i];
        }

        q = Math.Exp(-piSquared / 2 / zsquared);
        var sqrt3z = Math.Sqrt(3) * z;
        double k2extra = 0, k3extra = 0;
        for (var kk = maxk; kk > 0; kk--)
        {
            double ksq = (double)kk * kk;
            var qp = Math.Pow(q, ksq);
            var kspi = Math.PI * kk;
            k2extra += ksq * qp;
            k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ksq * qp;
        }

        k[2] += k2extra * piSquared * sqrt2Pi / (-36 * zthree);
        k[3] += k3extra * piSquared * sqrt2Pi / (216 * zsix);
        var sum = 0.0;
        for (var i = 0; i < 4; i++)
        {
            sum += k[i] / Math.Pow(n * 1.0, i / 2.0);
        }

        return sum;
    }
}
