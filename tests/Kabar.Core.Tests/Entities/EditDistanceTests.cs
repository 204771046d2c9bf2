using Kabar.Entities;

namespace Kabar.Core.Tests.Entities;

public class EditDistanceTests
{
    [Theory]
    [InlineData("Aurus", "Auras", 1)]
    [InlineData("Aurus", "Orus", 2)]
    [InlineData("", "abc", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("sama", "sama", 0)]
    public void Distance_Examples(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Distance(a, b));
        Assert.Equal(expected, EditDistance.Distance(b, a));
    }

    [Fact]
    public void Similarity_IgnoresCase() => Assert.Equal(1.0, EditDistance.Similarity("REUTERS", "Reuters"));
}
