package com.salesaffairs.aftersales.domain;

/** The department a case is assigned to work on it (policy 3.3: "communicate with the relevant departments"). */
public enum Department {
    SALES, WAREHOUSE, FINANCE, QUALITY, TECHNICAL
}
