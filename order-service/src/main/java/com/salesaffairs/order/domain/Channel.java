package com.salesaffairs.order.domain;

public enum Channel {
    DIRECT, DISTRIBUTOR, ONLINE, TRADE_SHOW
}
