namespace Kabar.Entities;

/// <summary>Disjoint sets over 0…n−1 with path halving; the smaller index is the root, so results do not depend on union order.</summary>
internal sealed class UnionFind(int count)
{
    private readonly int[] _parent = [.. Enumerable.Range(0, count)];

    public int Find(int x)
    {
        while (_parent[x] != x)
        {
            _parent[x] = _parent[_parent[x]];
            x = _parent[x];
        }

        return x;
    }

    public bool Union(int x, int y)
    {
        int rx = Find(x), ry = Find(y);
        if (rx == ry)
        {
            return false;
        }

        if (rx < ry)
        {
            _parent[ry] = rx;
        }
        else
        {
            _parent[rx] = ry;
        }

        return true;
    }
}
