using System.Globalization;
using nietras.SeparatedValues;
using Resonance.Application.Members;

namespace Resonance.Server.Api;

/// <summary>Discovery results as CSV (RFC 4180, written with Sep): one row per member account.</summary>
internal static class DiscoveryCsv
{
    public static byte[] Write(IReadOnlyList<DiscoveredMember> members)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(text))
        {
            foreach (var m in members)
            {
                using var row = writer.NewRow();
                row["name"].Set(m.Name);
                row["account"].Set(m.Account.Label);
                row["network"].Set(m.Account.Network);
                row["score"].Set(Number(m.Score));
                row["low"].Set(Number(m.Low));
                row["high"].Set(Number(m.High));
                row["run"].Set(m.RunId?.ToString(CultureInfo.InvariantCulture) ?? "");
                row["audience_quality"].Set(Number(m.Audience?.Share));
                row["audience_low"].Set(Number(m.Audience?.Low));
                row["audience_high"].Set(Number(m.Audience?.High));
                row["community"].Set(m.Community?.ToString(CultureInfo.InvariantCulture) ?? "");
                row["topics"].Set(string.Join(' ', m.Topics.Take(Application.Insights.InsightService.ShownTopics)));
            }
        }
        return System.Text.Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Number(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "";
}
