namespace Visitation.Protection.Algorithms;

/// <summary>A keyed hash (an HMAC): the blind index of a value, equal for equal values, useless without the key.</summary>
public interface IKeyedHash
{
    /// <summary>The name the index key names its algorithm by, e.g. <c>HMAC-SM3</c>.</summary>
    string Name { get; }

    byte[] Compute(byte[] key, byte[] data);
}
