// W8 of shared/bench/WORKLOAD.md: hash one password and verify it with the
// default PBKDF2-SHA256 iterations (600,000, Django 4.2's), and the cost of
// one iteration. Django's figure through OpenSSL (hashlib) is about 0.3 µs
// per iteration on this machine; Quango calls the same OpenSSL function.
#include "contrib/auth/PBKDF2PasswordHasher.h"
#include "contrib/auth/Passwords.h"
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <algorithm>
#include <vector>

using namespace quango;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const int rounds = 5;
    const int iterations = PBKDF2PasswordHasher::defaultIterations();
    std::vector<double> hash, verify;
    for (int i = 0; i < rounds; ++i) {
        QElapsedTimer t;
        t.start();
        const QString encoded = Passwords::makePassword(QStringLiteral("correct horse battery staple"));
        hash.push_back(t.nsecsElapsed() / 1e9);
        t.restart();
        if (!Passwords::checkPassword(QStringLiteral("correct horse battery staple"), encoded))
            qFatal("W8: the password just hashed does not verify");
        verify.push_back(t.nsecsElapsed() / 1e9);
    }
    std::sort(hash.begin(), hash.end());
    std::sort(verify.begin(), verify.end());
    const double h = hash[rounds / 2], v = verify[rounds / 2];
    out << "Passwords (W8, median of " << rounds << ")\n";
    out << QStringLiteral("W8 hash   %1 iterations: %2 s  (%3 us per iteration)\n").arg(iterations).arg(h, 0, 'f', 3).arg(h / iterations * 1e6, 0, 'f', 3);
    out << QStringLiteral("W8 verify %1 iterations: %2 s  (%3 us per iteration)\n").arg(iterations).arg(v, 0, 'f', 3).arg(v / iterations * 1e6, 0, 'f', 3);
    return 0;
}
