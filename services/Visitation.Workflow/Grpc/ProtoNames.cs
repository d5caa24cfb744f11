namespace Visitation.Workflow.Grpc;

/// <summary>
/// Between a service's own enum and its proto twin of the same names (<c>ApplicationStatus.Submitted</c>
/// ⇄ <c>APPLICATION_STATUS_SUBMITTED</c>). <see cref="ProtoCodes"/> cannot serve these: their first
/// member is a real value numbered 0, which it reads as unspecified.
/// </summary>
public static class ProtoNames
{
    /// <summary>The value of <typeparamref name="TTo"/> named like <paramref name="value"/>; a name it lacks is a programming error.</summary>
    public static TTo Map<TFrom, TTo>(TFrom value) where TFrom : struct, Enum where TTo : struct, Enum =>
        TryMap<TFrom, TTo>(value, out var mapped)
            ? mapped
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(TTo).Name} has no value named {value}.");

    /// <summary>Whether <typeparamref name="TTo"/> has a value named like <paramref name="value"/> (an undefined number has no name).</summary>
    public static bool TryMap<TFrom, TTo>(TFrom value, out TTo mapped) where TFrom : struct, Enum where TTo : struct, Enum
    {
        mapped = default;
        return Enum.IsDefined(value) && Enum.TryParse(value.ToString(), ignoreCase: false, out mapped) && Enum.IsDefined(mapped);
    }
}
