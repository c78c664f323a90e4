#include "drivers/escpos/port_settings.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace linkpos::drivers::escpos {
namespace {

using ::testing::HasSubstr;

TEST(PortSettingsTest, DefaultsSuitEachPort) {
  EXPECT_TRUE(SerialSettings{}.status.enabled);
  EXPECT_FALSE(UsbSettings{}.status.enabled);  // many lp devices have no back channel
  EXPECT_TRUE(TcpSettings{}.status.enabled);
  EXPECT_EQ(TcpSettings{}.port, 9100);
  EXPECT_EQ(check_port_settings(SerialSettings{"/dev/ttyS1"}), std::nullopt);
  EXPECT_EQ(check_port_settings(UsbSettings{}), std::nullopt);
  EXPECT_EQ(check_port_settings(TcpSettings{"printer.local"}), std::nullopt);
}

TEST(PortSettingsTest, RefusesWhatNoPrinterCouldUse) {
  EXPECT_THAT(check_port_settings(SerialSettings{}).value_or(""), HasSubstr("device"));
  EXPECT_THAT(check_port_settings(SerialSettings{"/dev/ttyS1", 9601}).value_or(""),
              HasSubstr("baud rate 9601"));
  EXPECT_THAT(check_port_settings(UsbSettings{""}).value_or(""), HasSubstr("device"));
  EXPECT_THAT(check_port_settings(TcpSettings{}).value_or(""), HasSubstr("host"));
  TcpSettings no_port{"10.0.0.7"};
  no_port.port = 0;
  EXPECT_THAT(check_port_settings(no_port).value_or(""), HasSubstr("port"));
  TcpSettings instant{"10.0.0.7"};
  instant.status.timeout = std::chrono::milliseconds(0);
  EXPECT_THAT(check_port_settings(instant).value_or(""), HasSubstr("status timeout"));
  instant.status.enabled = false;  // a check that is off needs no timeout
  EXPECT_EQ(check_port_settings(instant), std::nullopt);
}

TEST(PortSettingsTest, FlowControlNamesAreTheConfigWords) {
  EXPECT_EQ(parse_flow_control("none"), FlowControl::kNone);
  EXPECT_EQ(parse_flow_control("software"), FlowControl::kSoftware);
  EXPECT_EQ(parse_flow_control("hardware"), FlowControl::kHardware);
  EXPECT_EQ(parse_flow_control("rts/cts"), std::nullopt);
}

TEST(PortSettingsTest, ErrorsNameThePrinterByItsPort) {
  EXPECT_EQ(port_name(SerialSettings{"/dev/ttyUSB0"}), "serial printer /dev/ttyUSB0");
  EXPECT_EQ(port_name(UsbSettings{}), "USB printer /dev/usb/lp0");
  EXPECT_EQ(port_name(TcpSettings{"10.0.0.7"}), "network printer 10.0.0.7:9100");
  EXPECT_EQ(port_name(TcpSettings{"fe80::1", 9101}), "network printer [fe80::1]:9101");
}

}  // namespace
}  // namespace linkpos::drivers::escpos
