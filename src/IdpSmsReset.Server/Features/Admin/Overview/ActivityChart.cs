using System.Globalization;
using System.Net;
using System.Text;

namespace IdpSmsReset.Server.Features.Admin.Overview;

/// <summary>
/// A bar chart drawn as SVG on the server: no script (the CSP keeps <c>script-src 'self'</c>), no inline style (colours
/// come from the theme's variables through the <c>chart</c> classes of site.css), axes and a legend in words, and a
/// <c>title</c> and <c>desc</c> for screen readers. It scales to its container: drawn for about 480 px (two side by side
/// on a desktop), so that on a 390 px phone its text is still about 10 px high.
/// </summary>
public static class ActivityChart
{
    private const int Width = 480;
    private const int PlotHeight = 160;
    private const int Left = 48;
    private const int Right = 12;
    private const int Top = 36;
    private const int AxisLabels = 26;
    private const int LegendRow = 18;
    private const int PlotWidth = Width - Left - Right;

    /// <summary>At most this many labels under the bars: a wider label would run into its neighbour.</summary>
    private const int MaxBucketLabels = 6;

    /// <param name="id">Unique on the page (the title and description are referenced by it).</param>
    /// <param name="series">Name, CSS class (<c>series-1</c>...) and one value per bucket; null draws nothing.</param>
    public static string Render(string id, string title, IReadOnlyList<string> bucketLabels,
        IReadOnlyList<(string Name, string Class, IReadOnlyList<double?> Values)> series, string unit)
    {
        var max = series.SelectMany(s => s.Values).Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(0).Max();
        // Counts get whole steps on their axis; a quantity like seconds may have fractions.
        var wholeCounts = series.All(s => s.Values.All(v => v is null || v % 1 == 0));
        var top = wholeCounts ? 4 * Math.Ceiling(NiceCeiling(Math.Max(max, 4)) / 4) : NiceCeiling(max);
        var totals = string.Join("; ", series.Select(s => $"{s.Name}: {Format(s.Values.Where(v => v is not null).Sum(v => v!.Value))}"));
        var legend = LegendPlaces(series);
        var height = Top + PlotHeight + AxisLabels + LegendRow * (legend.Max(place => place.Row) + 1);
        var svg = new StringBuilder();
        Add(svg, $"""<svg class="chart" id="{id}" role="img" aria-labelledby="{id}-title {id}-desc" """);
        Add(svg, $"""viewBox="0 0 {Width} {height}" width="100%" preserveAspectRatio="xMinYMin meet">""");
        Add(svg, $"""<title id="{id}-title">{Encode(title)}</title><desc id="{id}-desc">{Encode(totals)}</desc>""");
        Add(svg, $"""<text class="chart-title" x="4" y="18">{Encode(title)}</text>""");
        ValueAxis(svg, top, unit);
        Bars(svg, bucketLabels, series, top);
        Legend(svg, series, legend);
        return svg.Append("</svg>").ToString();
    }

    // Four steps, labelled, and the unit along the side.
    private static void ValueAxis(StringBuilder svg, double top, string unit)
    {
        for (var step = 0; step <= 4; step++)
        {
            var y = Top + PlotHeight - PlotHeight * step / 4.0;
            Add(svg, $"""<line class="chart-grid" x1="{Left}" x2="{Width - Right}" y1="{y:0.#}" y2="{y:0.#}"/>""");
            Add(svg, $"""<text class="chart-axis" x="{Left - 6}" y="{y + 4:0.#}" text-anchor="end">{Format(top * step / 4)}</text>""");
        }

        const int middle = Top + PlotHeight / 2;
        Add(svg, $"""<text class="chart-axis" x="12" y="{middle}" transform="rotate(-90 12 {middle})" """);
        Add(svg, $"""text-anchor="middle">{Encode(unit)}</text>""");
    }

    // Bars side by side per bucket, a label under every few so they do not overlap.
    private static void Bars(StringBuilder svg, IReadOnlyList<string> bucketLabels,
        IReadOnlyList<(string Name, string Class, IReadOnlyList<double?> Values)> series, double top)
    {
        var slot = PlotWidth / (double)bucketLabels.Count;
        var bar = Math.Max(1, (slot - 4) / series.Count);
        var labelEvery = Math.Max(1, (int)Math.Ceiling(bucketLabels.Count / (double)MaxBucketLabels));
        for (var index = 0; index < bucketLabels.Count; index++)
        {
            var x = Left + slot * index + 2;
            for (var s = 0; s < series.Count; s++)
            {
                if (series[s].Values[index] is not { } value)
                {
                    continue;
                }

                var height = top == 0 ? 0 : PlotHeight * value / top;
                var tooltip = Encode($"{bucketLabels[index]}, {series[s].Name}: {Format(value)}");
                Add(svg, $"""<rect class="chart-bar {series[s].Class}" x="{x + bar * s:0.#}" y="{Top + PlotHeight - height:0.#}" """);
                Add(svg, $"""width="{bar:0.#}" height="{height:0.#}"><title>{tooltip}</title></rect>""");
            }

            if (index % labelEvery == 0)
            {
                Add(svg, $"""<text class="chart-axis" x="{x + slot / 2 - 2:0.#}" y="{Top + PlotHeight + 16}" text-anchor="middle">""");
                Add(svg, $"""{Encode(bucketLabels[index])}</text>""");
            }
        }
    }

    /// <summary>Where each series' key goes: left to right, on a new row when the next would pass the right edge.</summary>
    private static List<(double X, int Row)> LegendPlaces(IReadOnlyList<(string Name, string Class, IReadOnlyList<double?> Values)> series)
    {
        var places = new List<(double X, int Row)>();
        var (x, row) = ((double)Left, 0);
        foreach (var (name, _, _) in series)
        {
            var width = 28 + name.Length * 8;
            if (x + width > Width - Right && x > Left)
            {
                (x, row) = (Left, row + 1);
            }

            places.Add((x, row));
            x += width;
        }

        return places.Count > 0 ? places : [(Left, 0)];
    }

    private static void Legend(StringBuilder svg, IReadOnlyList<(string Name, string Class, IReadOnlyList<double?> Values)> series,
        List<(double X, int Row)> places)
    {
        for (var index = 0; index < series.Count; index++)
        {
            var (x, row) = places[index];
            var y = Top + PlotHeight + AxisLabels + LegendRow * row;
            Add(svg, $"""<rect class="chart-bar {series[index].Class}" x="{x:0.#}" y="{y}" width="12" height="12"/>""");
            Add(svg, $"""<text class="chart-legend" x="{x + 16:0.#}" y="{y + 10}">{Encode(series[index].Name)}</text>""");
        }
    }

    // 1, 2, 5, 10, 20, 50...: an axis that ends on a round number at or above the highest bar.
    private static double NiceCeiling(double max)
    {
        if (max <= 0)
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max)));
        return new[] { 1, 2, 5, 10 }.Select(f => f * magnitude).First(candidate => candidate >= max);
    }

    private static void Add(StringBuilder svg, FormattableString markup) => svg.Append(markup.ToString(CultureInfo.InvariantCulture));

    private static string Format(double value) => value.ToString(value % 1 == 0 ? "0" : "0.0#", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
