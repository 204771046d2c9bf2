using Kabar.Alignment;
using Kabar.Text;

namespace Kabar.Core.Tests.Alignment;

internal static class AlignmentFixtures
{
    public static DocumentProfile Profile(string text, Language language = Language.Indonesian) =>
        DocumentProfile.Create(text, SentenceSplitter.Split(text), language);
}
