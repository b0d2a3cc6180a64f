using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace GapMonitor.Drift.Statistics;

/// <summary>
/// The lattice's division <c>dividend / divisor</c>, correctly rounded (bit for bit what the divide instruction gives),
/// from the divisor's reciprocal and fused multiply-adds, which the CPU runs several times faster than divisions.
/// </summary>
/// <remarks>
/// With y = RN(1/divisor) (within half an ulp, one true division per anti-diagonal), q0 = RN(dividend·y) and the
/// exact remainder r0 = dividend − divisor·q0 (one FMA), q1 = RN(q0 + r0·y) is within one ulp of the quotient; one more
/// exact remainder r1 and q = RN(q1 + r1·y) is then the correctly rounded quotient (Markstein's theorem, Handbook of
/// Floating-Point Arithmetic, 2nd ed., Theorem 4.10). The theorem needs the remainders to be exact: no underflow,
/// which the lattice guarantees by keeping its cells scaled by 2^600 (nonzero cells are at least 2^−474, so the
/// remainders stay far above the subnormal range).
/// </remarks>
internal static class KsLatticeQuotient
{
    /// <summary>True when fused multiply-add runs in hardware; otherwise the lattice divides.</summary>
    public static bool IsAccelerated => Fma.IsSupported || AdvSimd.Arm64.IsSupported;

    /// <summary>dividend / divisor rounded to nearest, given reciprocal = RN(1 / divisor).</summary>
    public static Vector512<double> Divide(Vector512<double> dividend, Vector512<double> divisor, Vector512<double> reciprocal)
    {
        var q0 = dividend * reciprocal;
        var q1 = Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(-q0, divisor, dividend), reciprocal, q0);
        return Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(-q1, divisor, dividend), reciprocal, q1);
    }

    /// <inheritdoc cref="Divide(Vector512{double}, Vector512{double}, Vector512{double})"/>
    public static Vector256<double> Divide(Vector256<double> dividend, Vector256<double> divisor, Vector256<double> reciprocal)
    {
        var q0 = dividend * reciprocal;
        var q1 = Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(-q0, divisor, dividend), reciprocal, q0);
        return Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(-q1, divisor, dividend), reciprocal, q1);
    }

    /// <inheritdoc cref="Divide(Vector512{double}, Vector512{double}, Vector512{double})"/>
    public static double Divide(double dividend, double divisor, double reciprocal)
    {
        var q0 = dividend * reciprocal;
        var q1 = Math.FusedMultiplyAdd(Math.FusedMultiplyAdd(-q0, divisor, dividend), reciprocal, q0);
        return Math.FusedMultiplyAdd(Math.FusedMultiplyAdd(-q1, divisor, dividend), reciprocal, q1);
    }
}
