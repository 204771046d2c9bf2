namespace Kabar.Evaluation;

/// <summary>Pearson's correlation coefficient, the metric of SemEval-2022 Task 8.</summary>
public static class Pearson
{
    /// <summary>The correlation of two equally long series; 0 when either is constant or fewer than two values are given.</summary>
    public static double Correlation(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"series differ in length ({x.Count} and {y.Count})", nameof(y));
        }

        if (x.Count < 2)
        {
            return 0;
        }

        double meanX = x.Average(), meanY = y.Average();
        double cov = 0, varX = 0, varY = 0;
        for (int i = 0; i < x.Count; i++)
        {
            double dx = x[i] - meanX, dy = y[i] - meanY;
            cov += dx * dy;
            varX += dx * dx;
            varY += dy * dy;
        }

        return varX == 0 || varY == 0 ? 0 : cov / Math.Sqrt(varX * varY);
    }
}
