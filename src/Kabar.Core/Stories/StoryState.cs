namespace Kabar.Stories;

/// <summary>A story as grouping sees it. Immutable: joining an article makes a new state.</summary>
/// <param name="Id">The story id: the id of the article that started it; null for a story not yet stored.</param>
/// <param name="FirstDay">The earliest publication day of its members, if any is known.</param>
/// <param name="LastDay">The latest publication day of its members, if any is known.</param>
/// <param name="Size">Its members, copies included.</param>
/// <param name="Title">The title of its earliest member that has one.</param>
/// <param name="Centroid">The summed features of its members, the strongest <see cref="StoryOptions.CentroidTerms"/> kept.</param>
public sealed record StoryState(long? Id, DateOnly? FirstDay, DateOnly? LastDay, int Size, string? Title, FeatureVector Centroid);

/// <summary>Where an article went, and why.</summary>
/// <param name="State">The story after the article joined it (a new story when its id is null).</param>
/// <param name="Score">The similarity that put it there; null when it started the story or is a copy.</param>
/// <param name="Reason">One line for people: the score and what was shared, or the copy it follows.</param>
/// <param name="IndexKeys">The story's strongest feature keys (<see cref="CorpusStatistics.FeatureKey"/>), by which later articles find it.</param>
public sealed record StoryAssignment(StoryState State, double? Score, string Reason, long[] IndexKeys);

/// <summary>How a new article is grouped into stories.</summary>
/// <param name="Threshold">Score (cosine × time decay) from which an article joins a story.</param>
/// <param name="DecayDays">Days apart at which the score falls to 1/e: a story runs for days, not months.</param>
/// <param name="WindowDays">Stories further apart than this are not candidates at all.</param>
/// <param name="IndexTerms">Features by which a story is found, and by which an article looks.</param>
/// <param name="CentroidTerms">Features kept per story.</param>
/// <param name="MaxCandidates">Stories scored per article: those sharing the most index features.</param>
public sealed record StoryOptions(
    double Threshold = 0.25,
    double DecayDays = 3,
    int WindowDays = 14,
    int IndexTerms = 10,
    int CentroidTerms = 100,
    int MaxCandidates = 16)
{
    /// <summary>The options Kabar uses.</summary>
    public static StoryOptions Default { get; } = new();

    /// <summary>The most days apart at which a story can still be joined: even a cosine of 1 decays below
    /// <see cref="Threshold"/> after this (4 days with the defaults), so a candidate further away in the window counts
    /// for the look-up but need not be read or scored. The slack of 1e-9 day keeps a boundary day that rounding might
    /// otherwise drop.</summary>
    public int ReachDays => Threshold <= 0 ? WindowDays : Math.Min(WindowDays, (int)Math.Floor((DecayDays * Math.Log(1 / Threshold)) + 1e-9));
}
