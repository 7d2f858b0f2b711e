import numpy as np, time
t=time.time()
MEXP=19937
n=2*MEXP+100
bg=np.random.MT19937(12345)
raw=bg.random_raw(n)
s=[int(v)&1 for v in raw]
# Berlekamp-Massey over GF(2) with ints as bitsets; C bit i = c_i
C=1; B=1; L=0; m=1
S=0  # S bit i = s[N-i] window built incrementally: S = (S<<1)|s[N]
for N in range(n):
    S=(S<<1)|s[N]
    d=bin(C & S).count('1') & 1
    if d==0:
        m+=1
    elif 2*L<=N:
        T=C; C^=B<<m; L=N+1-L; B=T; m=1
    else:
        C^=B<<m; m+=1
    if N%5000==0: S &= (1<<(L+2*1+ n))-1
print("L",L,time.time()-t)
# phi(x) = x^L C(1/x)
phi=int(bin(C)[2:].zfill(L+1)[::-1],2)
assert phi.bit_length()==L+1
def sqmod(a):
    sq=int('0'.join(bin(a)[2:]),2)
    dp=phi.bit_length()-1
    while sq.bit_length()-1>=dp:
        sq^=phi<<(sq.bit_length()-1-dp)
    return sq
p=2  # x
for k in range(128):
    p=sqmod(p)
print("done",time.time()-t)
words=[(p>>(32*i))&0xffffffff for i in range(624)]
open('/tmp/mtj/poly.txt','w').write('\n'.join(hex(w) for w in words))
print(bin(p)[2:].zfill(MEXP)[:60])
