using System.Diagnostics.CodeAnalysis;

namespace Kabar;

/// <summary>Either a value or the <see cref="Rejection"/> that explains why there is none.</summary>
public readonly struct Result<T> where T : class
{
    private Result(T? value, Rejection? rejection)
    {
        Value = value;
        Rejection = rejection;
    }

    /// <summary>The value, when <see cref="IsSuccess"/>.</summary>
    public T? Value { get; }

    /// <summary>The reason, when not <see cref="IsSuccess"/>.</summary>
    public Rejection? Rejection { get; }

    /// <summary>Whether a value is present.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool IsSuccess => Value is not null;

    /// <summary>A successful result.</summary>
    public static Result<T> Success(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    /// <summary>A rejected result.</summary>
    public static Result<T> Failure(RejectionReason reason, string message) => new(null, new Rejection(reason, message));

    /// <summary>Wraps an existing rejection.</summary>
    public static Result<T> Failure(Rejection rejection) => new(null, rejection ?? throw new ArgumentNullException(nameof(rejection)));
}
