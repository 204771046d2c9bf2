using Kabar.Stories;

namespace Kabar.Core.Tests.Stories;

public class StoryRolesTests
{
    private static readonly DateOnly s_monday = new(2025, 3, 3);

    [Fact]
    public void Assign_NamesFirstCopiesRewritesAndIndependentReports()
    {
        RoleInput[] members =
        [
            new(1, s_monday.AddDays(1), null, null, null, null),   // stored first, published later
            new(2, s_monday, null, null, null, null),              // the first report
            new(3, s_monday, 2, null, null, null),
            new(4, s_monday, null, 2, "near", 0.86),
            new(5, s_monday, null, 2, "contained", 0.91),
            new(6, null, null, null, null, null),
        ];
        Dictionary<long, double> shares = new() { [1] = 0.6, [6] = 0.1 };
        var asked = new List<(long, long)>();
        IReadOnlyList<MemberRole> roles = StoryRoles.Assign(members, (a, b) =>
        {
            asked.Add((a, b));
            return shares[a];
        });

        Assert.Equal(
            [StoryRole.Rewrite, StoryRole.FirstPublished, StoryRole.ExactCopy, StoryRole.NearCopy, StoryRole.PartialCopy, StoryRole.IndependentReport],
            roles.Select(r => r.Role));
        Assert.Equal("rewrite of #2 (60% of its text aligned)", roles[0].Detail);
        Assert.Equal("near copy of #2 (0.86)", roles[3].Detail);
        Assert.Equal("partial copy of #2 (0.91)", roles[4].Detail);
        Assert.Equal([(1L, 2L), (6L, 2L)], asked);  // only originals are compared, and only with the first report
    }

    [Fact]
    public void Assign_UndatedStory_FirstIsTheLowestId()
    {
        IReadOnlyList<MemberRole> roles = StoryRoles.Assign(
            [new(7, null, null, null, null, null), new(4, null, null, null, null, null)], (_, _) => 0);
        Assert.Equal([StoryRole.IndependentReport, StoryRole.FirstPublished], roles.Select(r => r.Role));
    }
}
