using System.Globalization;

namespace Kabar.Stories;

/// <summary>The part an article plays in its story.</summary>
public enum StoryRole
{
    /// <summary>The earliest original report.</summary>
    FirstPublished,
    /// <summary>The same story words as an earlier article.</summary>
    ExactCopy,
    /// <summary>Most of its shingles shared with an earlier article (Jaccard at or above the near threshold).</summary>
    NearCopy,
    /// <summary>An earlier article contained in it, or it in an earlier one.</summary>
    PartialCopy,
    /// <summary>Not a copy, but a good share of its text aligns with the first published report.</summary>
    Rewrite,
    /// <summary>Its own reporting of the event.</summary>
    IndependentReport,
}

/// <summary>What roles need to know of a member.</summary>
/// <param name="Id">The article id.</param>
/// <param name="Day">Its publication day, if known.</param>
/// <param name="DuplicateOf">The article it copies exactly.</param>
/// <param name="NearOf">The article it copies nearly or partly.</param>
/// <param name="NearKind">"near" or "contained".</param>
/// <param name="Similarity">Jaccard or containment of the near copy.</param>
public sealed record RoleInput(long Id, DateOnly? Day, long? DuplicateOf, long? NearOf, string? NearKind, double? Similarity);

/// <summary>A member's role, the article it relates to, and one line saying how.</summary>
public sealed record MemberRole(long Id, StoryRole Role, long? Of, string Detail);

/// <summary>
/// Who published first and who copied whom inside a story. Copies are known from ingest; the earliest member that is
/// not a copy (undated last, then lowest id) published first; every other original is compared with it, sentence by
/// sentence, and is a rewrite when at least <see cref="RewriteShare"/> of its story text aligns, else an independent report.
/// </summary>
public static class StoryRoles
{
    /// <summary>Share of an article's story text aligned with the first report from which it is a rewrite.</summary>
    public const double RewriteShare = 0.3;

    /// <summary>The role of every member, in the order given.</summary>
    /// <param name="members">The story's members.</param>
    /// <param name="alignedShare">Share of the first article's story text that aligns with the second's (0–1).</param>
    public static IReadOnlyList<MemberRole> Assign(IReadOnlyList<RoleInput> members, Func<long, long, double> alignedShare)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(alignedShare);
        RoleInput? first = members.Where(m => m.DuplicateOf is null && m.NearOf is null)
            .OrderBy(m => m.Day is null).ThenBy(m => m.Day).ThenBy(m => m.Id).FirstOrDefault();
        return [.. members.Select(m => Role(m, first, alignedShare))];
    }

    private static MemberRole Role(RoleInput m, RoleInput? first, Func<long, long, double> alignedShare)
    {
        if (m.DuplicateOf is { } original)
        {
            return new MemberRole(m.Id, StoryRole.ExactCopy, original, $"exact copy of #{original}");
        }

        if (m.NearOf is { } near)
        {
            bool partial = m.NearKind == "contained";
            return new MemberRole(m.Id, partial ? StoryRole.PartialCopy : StoryRole.NearCopy, near,
                string.Create(CultureInfo.InvariantCulture, $"{(partial ? "partial" : "near")} copy of #{near} ({m.Similarity:0.00})"));
        }

        if (first is null || m.Id == first.Id)
        {
            return new MemberRole(m.Id, StoryRole.FirstPublished, null, "first published");
        }

        double share = alignedShare(m.Id, first.Id);
        return share >= RewriteShare
            ? new MemberRole(m.Id, StoryRole.Rewrite, first.Id, string.Create(CultureInfo.InvariantCulture, $"rewrite of #{first.Id} ({share:0%} of its text aligned)"))
            : new MemberRole(m.Id, StoryRole.IndependentReport, null,
                string.Create(CultureInfo.InvariantCulture, $"independent report ({share:0%} aligned with #{first.Id})"));
    }
}
