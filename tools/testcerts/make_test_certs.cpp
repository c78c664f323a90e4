// Writes the throw-away PKI that the net and wixsim tests talk TLS with (see README.md).
// Usage: linkpos_make_test_certs OUTPUT_DIR
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include <mbedtls/asn1write.h>
#include <mbedtls/bignum.h>
#include <mbedtls/ctr_drbg.h>
#include <mbedtls/ecp.h>
#include <mbedtls/entropy.h>
#include <mbedtls/error.h>
#include <mbedtls/oid.h>
#include <mbedtls/pk.h>
#include <mbedtls/x509_crt.h>

namespace {

void check(int result, const std::string& what) {
  if (result >= 0)
    return;
  char text[200];
  mbedtls_strerror(result, text, sizeof text);
  throw std::runtime_error(what + ": " + text);
}

class Random {
 public:
  Random() {
    mbedtls_entropy_init(&entropy_);
    mbedtls_ctr_drbg_init(&drbg_);
    static constexpr unsigned char kPersonalisation[] = "linkpos test certificates";
    check(mbedtls_ctr_drbg_seed(&drbg_, mbedtls_entropy_func, &entropy_, kPersonalisation,
                                sizeof kPersonalisation),
          "seeding the random generator");
  }
  ~Random() {
    mbedtls_ctr_drbg_free(&drbg_);
    mbedtls_entropy_free(&entropy_);
  }
  Random(const Random&) = delete;
  Random& operator=(const Random&) = delete;

  static int generate(void* self, unsigned char* out, size_t size) {
    return mbedtls_ctr_drbg_random(&static_cast<Random*>(self)->drbg_, out, size);
  }

 private:
  mbedtls_entropy_context entropy_;
  mbedtls_ctr_drbg_context drbg_;
};

// An ECDSA P-256 key pair.
class Key {
 public:
  explicit Key(Random& random) {
    mbedtls_pk_init(&pk_);
    check(mbedtls_pk_setup(&pk_, mbedtls_pk_info_from_type(MBEDTLS_PK_ECKEY)), "setting up a key");
    check(mbedtls_ecp_gen_key(MBEDTLS_ECP_DP_SECP256R1, mbedtls_pk_ec(pk_), &Random::generate,
                              &random),
          "generating a P-256 key");
  }
  ~Key() { mbedtls_pk_free(&pk_); }
  Key(const Key&) = delete;
  Key& operator=(const Key&) = delete;

  mbedtls_pk_context* pk() { return &pk_; }

  std::string pem() {
    std::vector<unsigned char> text(4096);
    check(mbedtls_pk_write_key_pem(&pk_, text.data(), text.size()), "writing a key");
    return reinterpret_cast<const char*>(text.data());
  }

 private:
  mbedtls_pk_context pk_;
};

struct Issuer {
  std::string name;
  Key& key;
};

struct CertificateSpec {
  std::string subject;
  std::string dns_name;  // empty for a CA
  const char* not_before;
  const char* not_after;
  int serial;
};

// The DER of a subjectAltName extension naming one DNS host (Mbed TLS 2.28 has no writer for it).
std::vector<unsigned char> subject_alt_name(const std::string& dns_name) {
  std::vector<unsigned char> buffer(dns_name.size() + 16);
  unsigned char* const start = buffer.data();
  unsigned char* p = start + buffer.size();
  int length = 0;
  auto add = [&length](int written) {
    check(written, "encoding the subjectAltName");
    length += written;
  };
  add(mbedtls_asn1_write_raw_buffer(
      &p, start, reinterpret_cast<const unsigned char*>(dns_name.data()), dns_name.size()));
  add(mbedtls_asn1_write_len(&p, start, dns_name.size()));
  add(mbedtls_asn1_write_tag(&p, start, MBEDTLS_ASN1_CONTEXT_SPECIFIC | 2));  // dNSName
  add(mbedtls_asn1_write_len(&p, start, length));
  add(mbedtls_asn1_write_tag(&p, start, MBEDTLS_ASN1_CONSTRUCTED | MBEDTLS_ASN1_SEQUENCE));
  return {p, start + buffer.size()};
}

std::string issue(const CertificateSpec& spec, Key& subject_key, const Issuer& issuer,
                  Random& random) {
  mbedtls_x509write_cert cert;
  mbedtls_x509write_crt_init(&cert);
  mbedtls_mpi serial;
  mbedtls_mpi_init(&serial);
  std::vector<unsigned char> text(4096);
  try {
    const bool is_ca = spec.dns_name.empty();
    mbedtls_x509write_crt_set_version(&cert, MBEDTLS_X509_CRT_VERSION_3);
    mbedtls_x509write_crt_set_md_alg(&cert, MBEDTLS_MD_SHA256);
    mbedtls_x509write_crt_set_subject_key(&cert, subject_key.pk());
    mbedtls_x509write_crt_set_issuer_key(&cert, issuer.key.pk());
    check(mbedtls_mpi_lset(&serial, spec.serial), "serial");
    check(mbedtls_x509write_crt_set_serial(&cert, &serial), "serial");
    check(mbedtls_x509write_crt_set_validity(&cert, spec.not_before, spec.not_after), "validity");
    check(mbedtls_x509write_crt_set_subject_name(&cert, spec.subject.c_str()), "subject name");
    check(mbedtls_x509write_crt_set_issuer_name(&cert, issuer.name.c_str()), "issuer name");
    check(mbedtls_x509write_crt_set_basic_constraints(&cert, is_ca ? 1 : 0, is_ca ? 0 : -1),
          "basic constraints");
    check(mbedtls_x509write_crt_set_subject_key_identifier(&cert), "subject key identifier");
    check(mbedtls_x509write_crt_set_authority_key_identifier(&cert), "authority key identifier");
    check(mbedtls_x509write_crt_set_key_usage(
              &cert, is_ca ? MBEDTLS_X509_KU_KEY_CERT_SIGN | MBEDTLS_X509_KU_CRL_SIGN
                           : MBEDTLS_X509_KU_DIGITAL_SIGNATURE),
          "key usage");
    if (!is_ca) {
      const std::vector<unsigned char> san = subject_alt_name(spec.dns_name);
      check(mbedtls_x509write_crt_set_extension(&cert, MBEDTLS_OID_SUBJECT_ALT_NAME,
                                                MBEDTLS_OID_SIZE(MBEDTLS_OID_SUBJECT_ALT_NAME), 0,
                                                san.data(), san.size()),
            "subjectAltName");
    }
    check(mbedtls_x509write_crt_pem(&cert, text.data(), text.size(), &Random::generate, &random),
          "signing " + spec.subject);
  } catch (...) {
    mbedtls_mpi_free(&serial);
    mbedtls_x509write_crt_free(&cert);
    throw;
  }
  mbedtls_mpi_free(&serial);
  mbedtls_x509write_crt_free(&cert);
  return reinterpret_cast<const char*>(text.data());
}

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out.flush())
    throw std::runtime_error("cannot write " + path.string());
}

constexpr const char* kLongAgo = "20200101000000";
constexpr const char* kFarAhead = "20991231235959";
constexpr const char* kOrganisation = ",O=linkpos TEST ONLY";

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: " << argv[0] << " OUTPUT_DIR\n";
    return 2;
  }
  try {
    const std::filesystem::path dir = argv[1];
    std::filesystem::create_directories(dir);
    Random random;

    auto leaf = [&](const std::string& file, const Issuer& issuer, const std::string& dns_name,
                    const char* not_before, const char* not_after, int serial) {
      Key key(random);
      write_file(dir / (file + ".key"), key.pem());
      write_file(dir / (file + ".crt"),
                 issue({"CN=" + dns_name + kOrganisation, dns_name, not_before, not_after, serial},
                       key, issuer, random));
    };
    auto authority = [&](const std::string& file, Key& key, const std::string& name) {
      write_file(dir / (file + ".key"), key.pem());
      const Issuer self{name, key};
      write_file(dir / (file + ".crt"),
                 issue({name, "", kLongAgo, kFarAhead, 1}, key, self, random));
      return self;
    };

    Key ca_key(random);
    const Issuer ca = authority("ca", ca_key, std::string("CN=linkpos test CA") + kOrganisation);
    Key other_ca_key(random);
    const Issuer other_ca = authority("other-ca", other_ca_key,
                                      std::string("CN=linkpos other test CA") + kOrganisation);

    leaf("localhost", ca, "localhost", kLongAgo, kFarAhead, 2);
    leaf("other-localhost", other_ca, "localhost", kLongAgo, kFarAhead, 2);
    leaf("expired-localhost", ca, "localhost", "20010101000000", "20021231235959", 3);
    leaf("future-localhost", ca, "localhost", "20900101000000", kFarAhead, 4);
    leaf("wronghost", ca, "not-localhost.example", kLongAgo, kFarAhead, 5);
    write_file(dir / "README.txt",
               "TEST KEYS ONLY. Written by linkpos_make_test_certs (tools/testcerts) for tests.\n"
               "Never trust ca.crt or other-ca.crt outside a test; never commit these files.\n");
  } catch (const std::exception& e) {
    std::cerr << "linkpos_make_test_certs: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
